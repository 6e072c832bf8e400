package nl.buitenin.privacy;

/**
 * The small-cell rule as configured ({@code BUITENIN_PRIVACY_MIN_CELL}, default 5): no score, share or count
 * about fewer than {@code k} people is shown. Every module that shows a figure about people asks this bean
 * rather than reading the setting itself, so the threshold is the same on every page, API and export.
 *
 * @param k the smallest number of people a figure may be about
 */
public record SmallCellRule(int k) {

    public SmallCellRule {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
    }

    /**
     * Whether a figure about this many people must be hidden: at least one but fewer than k. A figure about
     * nobody ("no answers") is not hidden, it is simply empty.
     */
    public boolean hides(long people) {
        if (people < 0) {
            throw new IllegalArgumentException("a number of people cannot be negative: " + people);
        }
        return people > 0 && people < k;
    }

    /** The count, hidden when it is about at least one but fewer than k people. */
    public SmallCells.Suppressed suppress(long count) {
        return SmallCells.suppress(count, k);
    }

    /**
     * A count of things (cases, answers) that may hold several of one person's: hidden when the people behind
     * it are at least one but fewer than k, however many things they count.
     */
    public SmallCells.Suppressed suppress(long count, long people) {
        boolean hidden = hides(people);
        return new SmallCells.Suppressed(hidden ? null : count, hidden, k);
    }
}
