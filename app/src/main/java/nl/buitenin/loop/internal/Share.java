package nl.buitenin.loop.internal;

import nl.buitenin.insight.Estimate;
import nl.buitenin.insight.Intervals;

/** A share with its count, its n and its 95 % Wilson interval, as fractions of one. */
public record Share(long successes, long n, double value, double low, double high) {

    /**
     * {@code successes} out of {@code n} (n at least 1) with the Wilson score interval that {@code insight}
     * computes for every share Buitenin shows, so that the loop's figures and the scores agree.
     */
    static Share of(long successes, long n) {
        Estimate estimate = Intervals.share(successes, n);
        return new Share(successes, n, estimate.value() / 100, estimate.lower() / 100, estimate.upper() / 100);
    }

    public boolean smallSample() {
        return n < 30;
    }

    public String percent() {
        return Math.round(value * 100) + " %";
    }

    public String interval() {
        return Math.round(low * 100) + "–" + Math.round(high * 100) + " %";
    }
}
