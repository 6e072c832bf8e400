package nl.buitenin.insight;

/**
 * A score estimated from a sample, always with its size and its 95 % confidence interval. NPS is in
 * points (-100 to 100), shares in percent (0 to 100), means on the answer scale.
 *
 * @param n     the number of answers the estimate rests on
 * @param value the point estimate
 * @param lower the lower bound of the 95 % interval
 * @param upper the upper bound of the 95 % interval
 */
public record Estimate(long n, double value, double lower, double upper) {

    /** Below this many answers an interval is too wide to steer on; pages flag such scores. */
    public static final int SMALL_SAMPLE = 30;

    public Estimate {
        if (n < 1) {
            throw new IllegalArgumentException("an estimate needs at least one answer, got n = " + n);
        }
        if (Double.isNaN(value) || Double.isNaN(lower) || Double.isNaN(upper) || lower > value || value > upper) {
            throw new IllegalArgumentException("an estimate needs lower <= value <= upper, got " + lower + " <= " + value + " <= " + upper);
        }
    }

    public boolean smallSample() {
        return n < SMALL_SAMPLE;
    }

    /** Half the width of the interval, the "plus or minus" people read. */
    public double margin() {
        return (upper - lower) / 2;
    }
}
