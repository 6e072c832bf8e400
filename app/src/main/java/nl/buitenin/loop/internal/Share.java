package nl.buitenin.loop.internal;

/** A share with its count, its n and its 95 % Wilson interval. */
public record Share(long successes, long n, double value, double low, double high) {

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
