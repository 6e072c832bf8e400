package nl.buitenin.platform;

import java.util.List;

/**
 * One page of a list returned by the REST API: {@code items}, the {@code page} (from 0), its
 * {@code size} and the {@code total} number of items.
 */
public record PageResult<T>(List<T> items, int page, int size, long total) {

    public PageResult {
        items = List.copyOf(items);
    }

    public int totalPages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }
}
