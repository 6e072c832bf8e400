package nl.buitenin.platform;

import java.util.ArrayList;
import java.util.List;

/**
 * A list cut into consecutive slices of at most {@code size} items, each a list of its own: how reads and writes for
 * many keys stay a few statements (one per slice) without reaching a database's limit on the length of an in-list.
 */
public final class Slices {

    private Slices() {
    }

    /** The slices in order; none for an empty list. */
    public static <T> List<List<T>> of(List<T> items, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a slice holds at least one item, not " + size);
        }
        List<List<T>> slices = new ArrayList<>();
        for (int start = 0; start < items.size(); start += size) {
            slices.add(new ArrayList<>(items.subList(start, Math.min(items.size(), start + size))));
        }
        return slices;
    }
}
