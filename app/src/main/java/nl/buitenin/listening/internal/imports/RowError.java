package nl.buitenin.listening.internal.imports;

import java.util.List;

import nl.buitenin.platform.InvalidInputException.FieldError;

/**
 * A value that cannot be taken, named by its line and column: "line 14, column Q3: 12 is outside 0–10". The message is
 * English; its key and arguments tell it in the reader's language on the page and in the API.
 */
public record RowError(long line, String column, String message, String key, List<Object> args) {

    public RowError {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static RowError of(long line, String column, String key, Object... args) {
        return of(line, column, FieldError.of(column, key, args));
    }

    /** The error of an answer (from the answer sheet's checks) found in this line and column. */
    public static RowError of(long line, String column, FieldError error) {
        return new RowError(line, column, error.message(), error.key(), error.args());
    }

    public String place() {
        return column == null ? "line " + line : "line " + line + ", column " + column;
    }

    public FieldError asFieldError() {
        return new FieldError(place(), message, key, args);
    }

    @Override
    public String toString() {
        return place() + ": " + message;
    }
}
