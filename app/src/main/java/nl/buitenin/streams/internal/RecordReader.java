package nl.buitenin.streams.internal;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import nl.buitenin.platform.InvalidInputException.FieldError;

/**
 * Reads a record's value as one item of the REST API: the item, or the reason it is none, worded as the API words an
 * error ({@code record: ...}). Outside input: {@code KafkaRecordFuzzTest} feeds it anything.
 */
final class RecordReader<T> {

    private final JsonMapper json;
    private final Class<T> type;

    RecordReader(JsonMapper json, Class<T> type) {
        this.json = json;
        this.type = type;
    }

    T read(byte @Nullable [] value) throws UnreadableRecord {
        if (value == null || value.length == 0) {
            throw new UnreadableRecord(FieldError.of("record", "streams.invalid.empty"));
        }
        T item;
        try {
            item = json.readValue(value, type);
        } catch (JacksonException e) {
            throw new UnreadableRecord(FieldError.of("record", "streams.invalid.json", shorten(e.getOriginalMessage())));
        }
        if (item == null) {
            throw new UnreadableRecord(FieldError.of("record", "streams.invalid.empty"));
        }
        return item;
    }

    private static String shorten(@Nullable String text) {
        if (text == null) {
            return "";
        }
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    /** A record that is no item of the API. */
    static final class UnreadableRecord extends Exception {

        private final FieldError error;

        UnreadableRecord(FieldError error) {
            super(error.field() + ": " + error.message(), null, false, false);
            this.error = error;
        }

        FieldError error() {
            return error;
        }
    }
}
