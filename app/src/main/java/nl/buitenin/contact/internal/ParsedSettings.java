package nl.buitenin.contact.internal;

import java.util.function.Function;

/**
 * The settings text last read and what it was parsed into. A decision reads its settings from the database each time, in
 * its own transaction, so it never acts on stale settings (another node may have changed them); it parses them only when
 * the text differs from the last one. Parsing the JSON of the policies took a visible share of an offer decision's time
 * under API load (BENCHMARKS.md, offer decisions). The parsed values are immutable records, so sharing them is safe.
 */
final class ParsedSettings<S, T> {

    private record Entry<S, T>(S source, T value) {
    }

    private final Function<S, T> parse;
    private volatile Entry<S, T> last;

    ParsedSettings(Function<S, T> parse) {
        this.parse = parse;
    }

    T of(S source) {
        Entry<S, T> entry = last;
        if (entry != null && entry.source().equals(source)) {
            return entry.value();
        }
        T value = parse.apply(source);
        last = new Entry<>(source, value);
        return value;
    }
}
