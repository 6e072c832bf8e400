package nl.buitenin.journey.internal;

import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import nl.buitenin.platform.CsvInput;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;

/**
 * Reads interactions from CSV with a header row: {@code sourceId,touchpoint,at,person,kind,reason,reasonCode,staff,team,topic}
 * (person, kind, reason, reasonCode, staff, team and topic may be left out or empty; case does not matter; the topic, such as
 * a destination, feeds the person's interests exactly as the API's does), read through {@link CsvInput} like every import: UTF-8 (a byte order mark
 * is fine), each column once, every row as many fields as the header. Other columns are not read and are named in the
 * report. Lines are counted as an editor shows them, the header being line 1, so an error points at the line to fix.
 */
public final class InteractionCsv {

    public static final List<String> REQUIRED = List.of("sourceId", "touchpoint", "at");
    public static final List<String> COLUMNS = List.of("sourceId", "touchpoint", "at", "person", "kind", "reason", "reasonCode", "staff", "team", "topic");

    private InteractionCsv() {
    }

    /** One data row with the line it started on. */
    public record Row(long line, InteractionInput input) {
    }

    /** A row refused before its values were read (its number of fields differs from the header's). */
    public record Misfit(long line, FieldError error) {
    }

    /**
     * @param rows           the rows to validate and record
     * @param misfits        rows refused as they stand
     * @param unknownColumns header columns that are not read
     */
    public record Read(List<Row> rows, List<Misfit> misfits, List<String> unknownColumns) {

        public Read {
            rows = List.copyOf(rows);
            misfits = List.copyOf(misfits);
            unknownColumns = List.copyOf(unknownColumns);
        }

        public int rowCount() {
            return rows.size() + misfits.size();
        }
    }

    /** Reads every row; a header without a required column, or with one twice, is refused before any row is read. */
    public static Read read(Reader reader) {
        List<Row> rows = new ArrayList<>();
        List<Misfit> misfits = new ArrayList<>();
        CsvInput.Header[] header = new CsvInput.Header[1];
        CsvInput.read(reader, line -> {
            if (header[0] == null) {
                header[0] = header(line);
                return;
            }
            if (line.isBlank()) {
                return;
            }
            Optional<FieldError> misfit = header[0].misfit(line);
            if (misfit.isPresent()) {
                misfits.add(new Misfit(line.number(), misfit.get()));
                return;
            }
            CsvInput.Header h = header[0];
            rows.add(new Row(line.number(), new InteractionInput(h.value(line, "sourceId"), h.value(line, "touchpoint"),
                    h.value(line, "at"), h.value(line, "person"), h.value(line, "kind"), h.value(line, "reason"),
                    h.value(line, "reasonCode"), h.value(line, "staff"), h.value(line, "team"), h.value(line, "topic"))));
        });
        if (header[0] == null) {
            throw InvalidInputException.of("line 1", "journey.invalid.header", String.join(", ", REQUIRED), String.join(",", COLUMNS));
        }
        return new Read(rows, misfits, header[0].unknown(COLUMNS));
    }

    private static CsvInput.Header header(CsvInput.Line line) {
        CsvInput.Header header = CsvInput.Header.of(line, true);
        List<String> missing = REQUIRED.stream().filter(c -> !header.has(c)).toList();
        if (!missing.isEmpty()) {
            throw InvalidInputException.of(line.place(), "journey.invalid.header", String.join(", ", missing), String.join(",", COLUMNS));
        }
        return header;
    }
}
