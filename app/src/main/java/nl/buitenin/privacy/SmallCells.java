package nl.buitenin.privacy;

import org.jspecify.annotations.Nullable;

/**
 * Small-cell suppression: an anonymous figure about fewer than k persons could point at someone, so it
 * is shown as "fewer than k" instead. The default k is 5 ({@code BUITENIN_PRIVACY_MIN_CELL}).
 */
public final class SmallCells {

    public static final int DEFAULT_K = 5;

    private SmallCells() {
    }

    /** The count, hidden when it is about at least one but fewer than k persons. Zero is shown. */
    public static Suppressed suppress(long count, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        if (count < 0) {
            throw new IllegalArgumentException("a count of persons cannot be negative: " + count);
        }
        boolean hidden = count > 0 && count < k;
        return new Suppressed(hidden ? null : count, hidden, k);
    }

    /**
     * A count that may be hidden.
     *
     * @param value the count, null when hidden
     * @param hidden whether the count is about too few persons to show
     * @param k the threshold it was checked against
     */
    public record Suppressed(@Nullable Long value, boolean hidden, int k) {

        public Suppressed {
            if (hidden != (value == null)) {
                throw new IllegalArgumentException("a hidden count has no value and a shown count has one");
            }
        }

        /** "&lt;5" for a hidden count, the number otherwise; the same in every language. */
        @Override
        public String toString() {
            return hidden ? "<" + k : Long.toString(value);
        }
    }
}
