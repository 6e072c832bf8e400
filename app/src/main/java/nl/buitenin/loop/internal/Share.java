package nl.buitenin.loop.internal;

import nl.buitenin.insight.Estimate;
import nl.buitenin.insight.Intervals;

/**
 * A share with its count, its n and its 95 % Wilson interval, as fractions of one; or, when {@code hidden}, a
 * share about fewer than {@code fewerThan} people of which nothing is told (its numbers are all zero).
 */
public record Share(long successes, long n, double value, double low, double high, boolean hidden, int fewerThan) {

    /**
     * {@code successes} out of {@code n} (n at least 1) with the Wilson score interval that {@code insight}
     * computes for every share Buitenin shows, so that the loop's figures and the scores agree.
     */
    static Share of(long successes, long n) {
        Estimate estimate = Intervals.share(successes, n);
        return new Share(successes, n, estimate.value() / 100, estimate.lower() / 100, estimate.upper() / 100, false, 0);
    }

    /** A share about fewer than k people: shown as "fewer than k", without its count, n or interval. */
    static Share hidden(int k) {
        return new Share(0, 0, 0, 0, 0, true, k);
    }

    public boolean smallSample() {
        return !hidden && n < 30;
    }

    public String percent() {
        return Math.round(value * 100) + " %";
    }

    public String interval() {
        return Math.round(low * 100) + "–" + Math.round(high * 100) + " %";
    }
}
