package nl.buitenin.insight;

import java.util.Arrays;
import java.util.Optional;

/**
 * How many answers gave each value of a scale. Histograms add up, so the score of any slice (a week,
 * a stage, several touchpoints) comes from summed counts without looking at single answers.
 */
public record Histogram(ScoreScale scale, long[] counts) {

    public Histogram {
        if (scale == null || counts == null || counts.length != scale.size()) {
            throw new IllegalArgumentException("a histogram of " + scale + " needs one count per scale value");
        }
        counts = counts.clone();
        for (long count : counts) {
            if (count < 0) {
                throw new IllegalArgumentException("counts cannot be negative: " + Arrays.toString(counts));
            }
        }
    }

    public static Histogram empty(ScoreScale scale) {
        return new Histogram(scale, new long[scale.size()]);
    }

    /** A histogram of the given answers, for tests and offline tools. */
    public static Histogram of(ScoreScale scale, int... values) {
        long[] counts = new long[scale.size()];
        for (int value : values) {
            counts[scale.requireValue(value) - scale.min()]++;
        }
        return new Histogram(scale, counts);
    }

    public long count(int value) {
        return counts[scale.requireValue(value) - scale.min()];
    }

    public long n() {
        return Arrays.stream(counts).sum();
    }

    public Histogram plus(Histogram other) {
        if (other.scale != scale) {
            throw new IllegalArgumentException("cannot add a " + other.scale + " histogram to a " + scale + " one");
        }
        long[] sum = counts.clone();
        for (int i = 0; i < sum.length; i++) {
            sum[i] += other.counts[i];
        }
        return new Histogram(scale, sum);
    }

    public Histogram plus(int value, long count) {
        long[] sum = counts.clone();
        sum[scale.requireValue(value) - scale.min()] += count;
        return new Histogram(scale, sum);
    }

    /**
     * The scale's score with its 95 % interval: NPS for NPS, top-2-box share for CSAT, the mean otherwise.
     * Empty when there are no answers, or for a mean when there is only one.
     */
    public Optional<Estimate> score() {
        long n = n();
        return switch (scale) {
            case NPS -> n == 0 ? Optional.empty() : Optional.of(Intervals.nps(sum(9, 10), sum(7, 8), sum(0, 6)));
            case CSAT -> n == 0 ? Optional.empty() : Optional.of(Intervals.share(sum(4, 5), n));
            default -> n < 2 ? Optional.empty() : Optional.of(Intervals.mean(n, mean(), standardDeviation()));
        };
    }

    double mean() {
        double total = 0;
        for (int i = 0; i < counts.length; i++) {
            total += (double) counts[i] * (scale.min() + i);
        }
        return total / n();
    }

    /** The sample standard deviation (n - 1), exact from the counts. */
    double standardDeviation() {
        double mean = mean();
        double squares = 0;
        for (int i = 0; i < counts.length; i++) {
            double deviation = scale.min() + i - mean;
            squares += counts[i] * deviation * deviation;
        }
        return Math.sqrt(squares / (n() - 1));
    }

    private long sum(int fromValue, int toValue) {
        long total = 0;
        for (int value = fromValue; value <= toValue; value++) {
            total += count(value);
        }
        return total;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Histogram h && h.scale == scale && Arrays.equals(h.counts, counts);
    }

    @Override
    public int hashCode() {
        return scale.hashCode() * 31 + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return scale + Arrays.toString(counts);
    }

    @Override
    public long[] counts() {
        return counts.clone();
    }
}
