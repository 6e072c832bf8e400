package nl.buitenin.insight.readings;

import java.util.Arrays;

import nl.buitenin.insight.Histogram;

/**
 * A sample summarised as n, mean and variance (with n - 1 in the denominator): enough for a t interval or Welch's
 * test, and additive histograms give it without the single answers.
 */
public record Sample(long n, double mean, double variance) {

    public Sample {
        if (n < 1) {
            throw new IllegalArgumentException("a sample needs at least one value, got n = " + n);
        }
        if (Double.isNaN(mean) || Double.isInfinite(mean) || !(variance >= 0) || Double.isInfinite(variance)) {
            throw new IllegalArgumentException("a sample needs a finite mean and a variance of 0 or more, got "
                    + mean + " and " + variance);
        }
    }

    public static Sample of(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("a sample needs at least one value");
        }
        double mean = Arrays.stream(values).sum() / values.length;
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        return new Sample(values.length, mean, values.length > 1 ? squares / (values.length - 1) : 0);
    }

    /** The answers counted in a histogram, read as numbers on its scale. */
    public static Sample of(Histogram histogram) {
        long n = histogram.n();
        if (n < 1) {
            throw new IllegalArgumentException("an empty histogram is no sample");
        }
        double sum = 0;
        for (int value = histogram.scale().min(); value <= histogram.scale().max(); value++) {
            sum += (double) value * histogram.count(value);
        }
        double mean = sum / n;
        double squares = 0;
        for (int value = histogram.scale().min(); value <= histogram.scale().max(); value++) {
            squares += histogram.count(value) * (value - mean) * (value - mean);
        }
        return new Sample(n, mean, n > 1 ? squares / (n - 1) : 0);
    }

    public double standardDeviation() {
        return Math.sqrt(variance);
    }
}
