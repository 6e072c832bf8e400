package nl.buitenin.insight.readings;

/**
 * The difference between two groups' scores (first minus second) with its 95 % confidence interval and the
 * two-sided p-value of "no difference". In the unit of the score: NPS points, percentage points, or the scale's unit
 * for means.
 */
public record Difference(double value, double lower, double upper, double pValue) {

    public Difference {
        if (Double.isNaN(value) || Double.isNaN(lower) || Double.isNaN(upper) || lower > upper) {
            throw new IllegalArgumentException("a difference needs lower <= upper, got " + lower + " .. " + upper);
        }
        if (!(pValue >= 0 && pValue <= 1)) {
            throw new IllegalArgumentException("a p-value lies in 0..1, got " + pValue);
        }
    }

    /** Whether the interval leaves out zero, i.e. the difference is significant at the 5 % level. */
    public boolean excludesZero() {
        return lower > 0 || upper < 0;
    }
}
