package nl.buitenin.listening.internal.imports;

import nl.buitenin.platform.InvalidInputException.FieldError;

/** A value that cannot be taken, named by its line and column: "line 14, column Q3: 12 is outside 0–10". */
public record RowError(long line, String column, String message) {

    public String place() {
        return column == null ? "line " + line : "line " + line + ", column " + column;
    }

    public FieldError asFieldError() {
        return new FieldError(place(), message);
    }

    @Override
    public String toString() {
        return place() + ": " + message;
    }
}
