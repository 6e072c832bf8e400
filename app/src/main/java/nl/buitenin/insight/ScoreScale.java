package nl.buitenin.insight;

import java.util.Locale;

/**
 * The answer scales whose answers are counted in score histograms, with how each becomes a score:
 * NPS as promoters minus detractors, CSAT as the top-2-box share (4 or 5), CES and ratings as means.
 */
public enum ScoreScale {
    /** "How likely are you to recommend...", 0 to 10. */
    NPS(0, 10),
    /** Customer satisfaction, 1 (very dissatisfied) to 5 (very satisfied). */
    CSAT(1, 5),
    /** Customer effort, 1 (very hard) to 7 (very easy). */
    CES(1, 7),
    RATING_5(1, 5),
    RATING_10(1, 10);

    private final int min;
    private final int max;

    ScoreScale(int min, int max) {
        this.min = min;
        this.max = max;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    public int size() {
        return max - min + 1;
    }

    public boolean accepts(int value) {
        return value >= min && value <= max;
    }

    /** Refuses a value outside the scale, saying which values are allowed. */
    public int requireValue(int value) {
        if (!accepts(value)) {
            throw new IllegalArgumentException(value + " is not on the " + name() + " scale (" + min + " to " + max + ")");
        }
        return value;
    }

    public String messageKey() {
        return "scale." + name().toLowerCase(Locale.ROOT);
    }
}
