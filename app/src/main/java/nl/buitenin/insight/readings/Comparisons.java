package nl.buitenin.insight.readings;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

import nl.buitenin.insight.Estimate;
import nl.buitenin.insight.Histogram;
import nl.buitenin.insight.Intervals;
import nl.buitenin.insight.ScoreScale;

/**
 * Two groups compared the way their score is defined, each method the one the literature recommends for it:
 * <ul>
 * <li>NPS: the difference of two NPS, each group adjusted as in the adjusted-Wald interval of a single NPS (Rocks
 * 2016: add 3/4 to promoters and to detractors and 3 to n), their variances added; the p-value from the same
 * adjusted z, so the interval leaves out 0 exactly when p &lt; 0.05 (before clipping to the scale).</li>
 * <li>CSAT (top-2-box share): Newcombe's hybrid score interval for a difference of proportions (Newcombe 1998,
 * method 10) and the pooled two-proportion z-test (Pearson's chi-square without continuity correction).</li>
 * <li>Means (CES, ratings, any number): Welch's t interval and test, with the Welch–Satterthwaite degrees of
 * freedom; it does not assume equal spreads.</li>
 * </ul>
 */
public final class Comparisons {

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);
    private static final double Z95 = NORMAL.inverseCumulativeProbability(0.975);

    private Comparisons() {
    }

    /** Compares two histograms of the same scale by the scale's score: NPS, CSAT share, or mean. */
    public static Comparison of(Histogram first, Histogram second) {
        if (first.scale() != second.scale()) {
            throw new IllegalArgumentException("cannot compare " + first.scale() + " with " + second.scale());
        }
        return switch (first.scale()) {
            case NPS -> nps(NpsCounts.of(first), NpsCounts.of(second));
            case CSAT -> shares(topTwo(first), first.n(), topTwo(second), second.n());
            default -> means(Sample.of(first), Sample.of(second));
        };
    }

    public static Comparison nps(NpsCounts first, NpsCounts second) {
        Estimate a = Intervals.nps(first.promoters(), first.passives(), first.detractors());
        Estimate b = Intervals.nps(second.promoters(), second.passives(), second.detractors());
        double observed = a.value() - b.value();
        double centre = 100 * (first.adjustedNet() - second.adjustedNet());
        double standardError = 100 * Math.sqrt(first.adjustedVariance() + second.adjustedVariance());
        double margin = Z95 * standardError;
        double p = twoSidedNormal(centre, standardError);
        return new Comparison(a, b, bounded(observed, centre - margin, centre + margin, p, -200, 200));
    }

    /** Shares of {@code hits} among {@code n} per group, compared in percentage points. */
    public static Comparison shares(long firstHits, long firstN, long secondHits, long secondN) {
        Estimate a = Intervals.share(firstHits, firstN);
        Estimate b = Intervals.share(secondHits, secondN);
        double p1 = (double) firstHits / firstN;
        double p2 = (double) secondHits / secondN;
        double difference = p1 - p2;
        // Newcombe's method 10 combines the two Wilson intervals (which Intervals.share gives, in percent).
        double l1 = a.lower() / 100;
        double u1 = a.upper() / 100;
        double l2 = b.lower() / 100;
        double u2 = b.upper() / 100;
        double lower = difference - Math.sqrt((p1 - l1) * (p1 - l1) + (u2 - p2) * (u2 - p2));
        double upper = difference + Math.sqrt((u1 - p1) * (u1 - p1) + (p2 - l2) * (p2 - l2));
        double pooled = (double) (firstHits + secondHits) / (firstN + secondN);
        double standardError = Math.sqrt(pooled * (1 - pooled) * (1.0 / firstN + 1.0 / secondN));
        double p = twoSidedNormal(difference, standardError);
        return new Comparison(a, b, bounded(100 * difference, 100 * lower, 100 * upper, p, -100, 100));
    }

    public static Comparison means(Sample first, Sample second) {
        if (first.n() < 2 || second.n() < 2) {
            throw new IllegalArgumentException("comparing means needs at least two values per group, got "
                    + first.n() + " and " + second.n());
        }
        Estimate a = Intervals.mean(first.n(), first.mean(), first.standardDeviation());
        Estimate b = Intervals.mean(second.n(), second.mean(), second.standardDeviation());
        double difference = first.mean() - second.mean();
        double va = first.variance() / first.n();
        double vb = second.variance() / second.n();
        double standardError = Math.sqrt(va + vb);
        if (standardError == 0) {
            return new Comparison(a, b, new Difference(difference, difference, difference, difference == 0 ? 1 : 0));
        }
        double df = (va + vb) * (va + vb) / (va * va / (first.n() - 1) + vb * vb / (second.n() - 1));
        TDistribution t = new TDistribution(null, df);
        double margin = t.inverseCumulativeProbability(0.975) * standardError;
        double p = 2 * t.cumulativeProbability(-Math.abs(difference / standardError));
        return new Comparison(a, b, new Difference(difference, difference - margin, difference + margin, Math.min(1, p)));
    }

    /** Welch–Satterthwaite degrees of freedom of two samples, shown with the result where it matters. */
    public static double welchDegreesOfFreedom(Sample first, Sample second) {
        double va = first.variance() / first.n();
        double vb = second.variance() / second.n();
        return (va + vb) * (va + vb) / (va * va / (first.n() - 1) + vb * vb / (second.n() - 1));
    }

    private static long topTwo(Histogram histogram) {
        ScoreScale scale = histogram.scale();
        return histogram.count(scale.max()) + histogram.count(scale.max() - 1);
    }

    private static double twoSidedNormal(double difference, double standardError) {
        if (standardError == 0) {
            return difference == 0 ? 1 : 0;
        }
        return Math.min(1, 2 * NORMAL.cumulativeProbability(-Math.abs(difference / standardError)));
    }

    /** Clips to the scale of a difference and keeps lower <= value <= upper despite rounding. */
    private static Difference bounded(double value, double lower, double upper, double p, double min, double max) {
        return new Difference(value, Math.max(min, Math.min(lower, value)), Math.min(max, Math.max(upper, value)), p);
    }
}
