package nl.buitenin.loop.internal;

/**
 * The Wilson score interval of a share (Wilson 1927; Newcombe 1998, method 3, without continuity
 * correction). To be replaced by the shared statistics of {@code insight} once that module is merged.
 */
final class Wilson {

    private static final double Z95 = 1.959963984540054;

    private Wilson() {
    }

    /** The 95 % interval of {@code successes} out of {@code n}; n must be at least 1. */
    static Share share(long successes, long n) {
        if (n < 1 || successes < 0 || successes > n) {
            throw new IllegalArgumentException("need 0 <= successes <= n and n >= 1, got " + successes + "/" + n);
        }
        double p = (double) successes / n;
        double z2 = Z95 * Z95;
        double centre = p + z2 / (2 * n);
        double spread = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        double denominator = 1 + z2 / n;
        return new Share(successes, n, p, Math.max(0, (centre - spread) / denominator),
                Math.min(1, (centre + spread) / denominator));
    }
}
