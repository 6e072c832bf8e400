package nl.buitenin.assumptions.internal;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The test an analyst chose for an assumption. Which fields are set depends on the kind: {@code measure} is the scale
 * (nps, csat, ces, rating_5, rating_10) for a score, the share's key for a share, and {@code share} or {@code mean} for a
 * question; {@code theme} for a theme; {@code survey} and {@code question} for a question; {@code pilot}
 * for a pilot (its measure's code in {@code measure}), whose difference pilot minus control is the figure. {@code low} and {@code high}
 * are the expected bounds in the figure's unit (NPS points, percent, scale points). The period is
 * {@code from}..{@code to}, both included, in the organisation's time zone.
 */
public record AssumptionTest(TestKind kind, @Nullable String measure, @Nullable UUID theme, @Nullable UUID survey,
        @Nullable String question, @Nullable UUID pilot, Expectation expectation, @Nullable Double low, @Nullable Double high, LocalDate from, LocalDate to) {

    public double lowOrZero() {
        return low == null ? 0 : low;
    }

    public double highOrZero() {
        return high == null ? 0 : high;
    }
}
