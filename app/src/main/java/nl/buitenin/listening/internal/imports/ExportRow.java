package nl.buitenin.listening.internal.imports;

import java.util.List;

/** One data row with the line of the file it starts on (the first header line is line 1). */
public record ExportRow(long line, List<String> values) {

    public ExportRow {
        values = List.copyOf(values);
    }

    /** The value in a column, stripped; empty when the row is shorter. */
    public String value(ExportColumn column) {
        return column.index() < values.size() ? values.get(column.index()).strip() : "";
    }

    public boolean isBlank() {
        return values.stream().allMatch(String::isBlank);
    }
}
