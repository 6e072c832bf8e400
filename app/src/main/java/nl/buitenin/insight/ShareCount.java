package nl.buitenin.insight;

/**
 * How many of {@code n} read items have a property (a negative comment, a contact that is failure demand). Counts
 * are additive, so a stage's share is the sum of its touchpoints' counts.
 */
public record ShareCount(long hits, long n) {

    public static final ShareCount NONE = new ShareCount(0, 0);

    public ShareCount {
        if (n < 0 || hits < 0 || hits > n) {
            throw new IllegalArgumentException("a share needs 0 <= hits <= n, got " + hits + " of " + n);
        }
    }

    public ShareCount plus(ShareCount other) {
        return new ShareCount(hits + other.hits, n + other.n);
    }
}
