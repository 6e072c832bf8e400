package nl.buitenin.assumptions.internal;

import java.util.Locale;

/**
 * What an assumption expects of its figure. Scores, shares and means take a bound ({@code AT_LEAST}, {@code AT_MOST})
 * or a range ({@code BETWEEN}); a theme's share of comments may also be expected to be {@code MOST} (more than half)
 * or {@code LARGEST} (larger than every other theme's).
 */
public enum Expectation {
    AT_LEAST,
    AT_MOST,
    BETWEEN,
    MOST,
    LARGEST;

    public boolean needsLow() {
        return this == AT_LEAST || this == BETWEEN;
    }

    public boolean needsHigh() {
        return this == AT_MOST || this == BETWEEN;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
