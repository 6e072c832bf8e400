package nl.buitenin.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

import org.jspecify.annotations.Nullable;

/**
 * Splits the items of a batch into the events that carry them, each small enough for the event log. The log stores an
 * event's JSON once per listener; on H2 its column holds a million characters, and the JSON of texts full of quotes or
 * line breaks takes up to six characters for one. So an event is cut by a count and by a bound of its characters that
 * the event's module computes per item from its texts ({@link #textLength}).
 */
public final class EventChunks {

    /** Characters an event may take in the log at most: H2's column holds 1 000 000; the rest is headroom. */
    public static final int LOG_CHARS = 900_000;

    private EventChunks() {
    }

    /**
     * The items in order, in chunks of at most {@code maxItems} whose {@code overhead} plus the items' bounds stays within
     * {@link #LOG_CHARS} (an item larger than that on its own makes a chunk of one).
     */
    public static <T> List<List<T>> of(List<T> items, int maxItems, int overhead, ToIntFunction<? super T> charsAtMost) {
        List<List<T>> chunks = new ArrayList<>();
        int from = 0;
        long chars = overhead;
        for (int i = 0; i < items.size(); i++) {
            int length = charsAtMost.applyAsInt(items.get(i));
            if (i - from == maxItems || (i > from && chars + length > LOG_CHARS)) {
                chunks.add(items.subList(from, i));
                from = i;
                chars = overhead;
            }
            chars += length;
        }
        if (from < items.size()) {
            chunks.add(items.subList(from, items.size()));
        }
        return chunks;
    }

    /**
     * An upper bound of the characters a text takes in JSON as an array element or field value: its quotes and a comma,
     * and each character at its longest escape ({@code \u0000} for a control character, two for a quote or backslash);
     * {@code null,} for null.
     */
    public static int textLength(@Nullable String text) {
        if (text == null) {
            return 5;
        }
        int length = 3;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            length += c == '"' || c == '\\' ? 2 : c < 0x20 ? 6 : 1;
        }
        return length;
    }
}
