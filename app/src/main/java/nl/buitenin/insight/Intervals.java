package nl.buitenin.insight;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * The 95 % confidence intervals Buitenin puts around every score. Plain Java, no Spring: other modules
 * may call it directly.
 */
public final class Intervals {

    /** The 97.5th percentile of the standard normal distribution. */
    static final double Z95 = 1.959963984540054;

    private Intervals() {
    }

    /**
     * NPS with the adjusted-Wald interval (Rocks 2016; Sauro and Lewis): add 3/4 to promoters and to
     * detractors and 3 to n, then use the variance of a difference of two proportions of one sample.
     * The point estimate is the observed NPS; the interval is centred on the adjusted one, clipped to
     * [-100, 100]. It keeps close to 95 % coverage even for small samples, where the plain Wald interval
     * is too narrow.
     */
    public static Estimate nps(long promoters, long passives, long detractors) {
        long n = checkCounts(promoters, passives, detractors);
        double adjustedN = n + 3.0;
        double p = (promoters + 0.75) / adjustedN;
        double d = (detractors + 0.75) / adjustedN;
        double margin = Z95 * Math.sqrt((p + d - (p - d) * (p - d)) / adjustedN);
        double observed = 100.0 * (promoters - detractors) / n;
        return bounded(n, observed, 100 * (p - d - margin), 100 * (p - d + margin), -100, 100);
    }

    /**
     * NPS with the plain Wald interval, only to compare with published figures that use it; pages use
     * {@link #nps(long, long, long)}.
     */
    public static Estimate npsPlainWald(long promoters, long passives, long detractors) {
        long n = checkCounts(promoters, passives, detractors);
        double p = (double) promoters / n;
        double d = (double) detractors / n;
        double margin = Z95 * Math.sqrt((p + d - (p - d) * (p - d)) / n);
        return bounded(n, 100 * (p - d), 100 * (p - d - margin), 100 * (p - d + margin), -100, 100);
    }

    /** A share in percent (such as CSAT top-2-box) with the Wilson score interval (Newcombe 1998, method 3). */
    public static Estimate share(long successes, long n) {
        if (n < 1 || successes < 0 || successes > n) {
            throw new IllegalArgumentException("a share needs 0 <= successes <= n and n >= 1, got " + successes + " of " + n);
        }
        double p = (double) successes / n;
        double z2 = Z95 * Z95;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        return bounded(n, 100 * p, 100 * (centre - half), 100 * (centre + half), 0, 100);
    }

    /**
     * A mean with the Student t interval, from the sample's size, mean and standard deviation
     * (with n - 1 in the denominator). Needs at least two answers: one answer has no spread.
     */
    public static Estimate mean(long n, double mean, double standardDeviation) {
        if (n < 2) {
            throw new IllegalArgumentException("a t interval needs at least two answers, got " + n);
        }
        if (standardDeviation < 0 || Double.isNaN(standardDeviation)) {
            throw new IllegalArgumentException("a standard deviation is 0 or more, got " + standardDeviation);
        }
        double t = new TDistribution(null, n - 1).inverseCumulativeProbability(0.975);
        double margin = t * standardDeviation / Math.sqrt(n);
        return new Estimate(n, mean, mean - margin, mean + margin);
    }

    private static long checkCounts(long promoters, long passives, long detractors) {
        if (promoters < 0 || passives < 0 || detractors < 0) {
            throw new IllegalArgumentException("counts cannot be negative: " + promoters + ", " + passives + ", " + detractors);
        }
        long n = promoters + passives + detractors;
        if (n < 1) {
            throw new IllegalArgumentException("an NPS needs at least one answer");
        }
        return n;
    }

    /** Rounding can put a bound a hair past the estimate or the scale's end; keep the record's invariant. */
    private static Estimate bounded(long n, double value, double lower, double upper, double min, double max) {
        double low = Math.max(min, Math.min(lower, value));
        double high = Math.min(max, Math.max(upper, value));
        return new Estimate(n, value, low, high);
    }
}
