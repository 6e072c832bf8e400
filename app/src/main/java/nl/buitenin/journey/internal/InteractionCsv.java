package nl.buitenin.journey.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import nl.buitenin.platform.InvalidInputException;

/**
 * Reads interactions from CSV with a header row: {@code sourceId,touchpoint,at,person,kind} (person and
 * kind may be left out or empty). Lines are counted as a spreadsheet shows them, the header being line 1,
 * so an error report points at the line to fix.
 */
public final class InteractionCsv {

    public static final List<String> REQUIRED = List.of("sourceId", "touchpoint", "at");
    public static final List<String> COLUMNS = List.of("sourceId", "touchpoint", "at", "person", "kind");

    private InteractionCsv() {
    }

    /** One data row with the line it started on. */
    public record Row(long line, InteractionInput input) {
    }

    /** Reads every row; a missing column in the header is refused before any row is read. */
    public static void read(Reader reader, Consumer<Row> rows) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(false).get();
        try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            Map<String, Integer> header = parser.getHeaderMap();
            List<String> missing = REQUIRED.stream().filter(c -> !header.containsKey(c)).toList();
            if (!missing.isEmpty()) {
                throw InvalidInputException.of("line 1", "journey.invalid.header", String.join(", ", missing),
                        String.join(",", COLUMNS));
            }
            for (CSVRecord record : parser) {
                if (isBlank(record)) {
                    continue;
                }
                rows.accept(new Row(lineOf(record), new InteractionInput(value(record, "sourceId"), value(record, "touchpoint"),
                        value(record, "at"), value(record, "person"), value(record, "kind"))));
            }
        } catch (IOException | IllegalStateException | IllegalArgumentException | UncheckedIOException e) {
            // Commons CSV refuses a malformed quote (CSVException, an IOException, also in the header) and an empty
            // header name (IllegalArgumentException) with its own English message; found by InteractionCsvFuzzTest.
            throw InvalidInputException.of("file", "journey.invalid.csv", String.valueOf(e.getMessage()));
        }
    }

    public static List<Row> readAll(Reader reader) {
        List<Row> rows = new ArrayList<>();
        read(reader, rows::add);
        return rows;
    }

    private static boolean isBlank(CSVRecord record) {
        return record.stream().allMatch(String::isBlank);
    }

    /** Empty lines are kept as records (and skipped above) so that record numbers stay line numbers; the header is line 1, so the first record is line 2 (values spanning lines are not expected in this format). */
    private static long lineOf(CSVRecord record) {
        return record.getRecordNumber() + 1;
    }

    private static String value(CSVRecord record, String column) {
        return record.isMapped(column) && record.isSet(column) ? record.get(column) : null;
    }
}
