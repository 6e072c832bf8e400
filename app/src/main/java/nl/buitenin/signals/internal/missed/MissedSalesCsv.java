package nl.buitenin.signals.internal.missed;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import nl.buitenin.platform.CsvInput;
import nl.buitenin.platform.IngestReport;
import nl.buitenin.platform.IngestReport.ItemOutcome;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;

/**
 * Missed sales from a CSV file with a header row (columns named as the API's fields, any order, any case): each row
 * becomes the API's item and goes through {@link MissedSales#record}; a wrong row is reported by its line and column
 * ("line 3, column channel"). {@code location}, {@code note}, {@code person} and {@code at} may be left out.
 */
public final class MissedSalesCsv {

    public static final List<String> COLUMNS = List.of("sourceId", "askedFor", "channel", "location", "reason", "note", "person", "at");
    static final List<String> REQUIRED = List.of("sourceId", "askedFor", "channel", "reason");

    private MissedSalesCsv() {
    }

    /** The file's rows as items, each with its line, and the rows that do not fit the header. */
    public record Parsed(List<Row> rows, List<ItemOutcome> misfits) {
    }

    public record Row(CsvInput.Line line, int index, MissedSaleInput item) {
    }

    /** Reads the file; refused naming line 1 when the header lacks a required column, or when there are no rows. */
    public static Parsed parse(String csv) {
        List<CsvInput.Line> lines = CsvInput.readAll(CsvInput.of(csv)).stream().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            throw InvalidInputException.of("line 1", "signals.invalid.missed.csv.header", String.join(",", REQUIRED));
        }
        CsvInput.Header header = CsvInput.Header.of(lines.get(0), true);
        List<FieldError> missing = new ArrayList<>();
        for (String column : REQUIRED) {
            if (!header.has(column)) {
                missing.add(FieldError.of(lines.get(0).place(), "signals.invalid.missed.csv.column", column));
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException(missing);
        }
        List<CsvInput.Line> body = lines.subList(1, lines.size());
        if (body.isEmpty()) {
            throw CsvInput.noRows();
        }
        List<Row> rows = new ArrayList<>();
        List<ItemOutcome> misfits = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            CsvInput.Line line = body.get(i);
            var misfit = header.misfit(line);
            if (misfit.isPresent()) {
                misfits.add(ItemOutcome.rejected(i, null, List.of(misfit.get().in(line.place()))));
                continue;
            }
            Function<String, @Nullable String> value = c -> header.has(c) ? header.value(line, c) : null;
            rows.add(new Row(line, i, new MissedSaleInput(value.apply("sourceId"), value.apply("askedFor"), value.apply("channel"),
                    value.apply("location"), value.apply("reason"), value.apply("note"), value.apply("person"), value.apply("at"))));
        }
        return new Parsed(rows, misfits);
    }

    /** Reads the file and records its rows; the report is per row (index from 0 after the header), errors by line and column. */
    public static IngestReport record(String csv, MissedSales missedSales, @Nullable UUID recordedBy) {
        Parsed parsed = parse(csv);
        List<ItemOutcome> outcomes = new ArrayList<>(parsed.misfits());
        if (!parsed.rows().isEmpty()) {
            List<ItemOutcome> written = missedSales.record(parsed.rows().stream().map(Row::item).toList(), recordedBy).items();
            for (ItemOutcome outcome : written) {
                Row row = parsed.rows().get(outcome.index());
                outcomes.add(outcome.status() == IngestReport.Status.REJECTED
                        ? ItemOutcome.rejected(row.index(), outcome.sourceId(), outcome.errors().stream()
                                .map(e -> e.in(row.line().place() + ", column " + e.field())).toList())
                        : new ItemOutcome(row.index(), outcome.sourceId(), outcome.status(), null, List.of()));
            }
        }
        outcomes.sort(Comparator.comparingInt(ItemOutcome::index));
        return IngestReport.of(outcomes);
    }
}
