package nl.buitenin.groups.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import nl.buitenin.platform.CsvInput;
import nl.buitenin.platform.IngestReport;
import nl.buitenin.platform.IngestReport.ItemOutcome;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;

/**
 * Memberships and attributes from a CSV file with a header row (columns named as the API's fields, any order): each
 * row becomes the API's item and goes through the same {@link GroupWork}; a wrong row is reported by its line and
 * column ("line 3, column person").
 */
public final class CsvBatches {

    public static final List<String> MEMBERSHIP_COLUMNS = List.of("sourceId", "person", "group", "from", "to");
    public static final List<String> ATTRIBUTE_COLUMNS = List.of("sourceId", "person", "name", "value", "at");

    private CsvBatches() {
    }

    public static IngestReport memberships(String csv, GroupWork work) {
        return read(csv, MEMBERSHIP_COLUMNS, java.util.Set.of("to"), (row) -> new MembershipInput(row.get(0), row.get(1), row.get(2), row.get(3), row.get(4)),
                work::memberships);
    }

    public static IngestReport attributes(String csv, GroupWork work) {
        return read(csv, ATTRIBUTE_COLUMNS, java.util.Set.of("to"), (row) -> new AttributeInput(row.get(0), row.get(1), row.get(2), row.get(3), row.get(4)),
                work::attributes);
    }

    /**
     * Reads a CSV file of items with the given columns (those in {@code optional} may be left out), turns each row into an
     * item and reports each wrong row by its line and column, whatever wrote the items.
     */
    public static <T> IngestReport read(String csv, List<String> columns, java.util.Set<String> optional, Function<List<String>, T> item,
            Function<List<T>, IngestReport> write) {
        List<CsvInput.Line> lines = CsvInput.readAll(CsvInput.of(csv)).stream().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            throw InvalidInputException.of("line 1", "groups.invalid.csv.header", String.join(",", columns));
        }
        CsvInput.Header header = CsvInput.Header.of(lines.get(0), true);
        List<FieldError> missing = new ArrayList<>();
        for (String column : columns) {
            if (!header.has(column) && !optional.contains(column)) {
                missing.add(FieldError.of(lines.get(0).place(), "groups.invalid.csv.column", column));
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException(missing);
        }
        List<CsvInput.Line> rows = lines.subList(1, lines.size());
        if (rows.isEmpty()) {
            throw CsvInput.noRows();
        }
        List<T> items = new ArrayList<>();
        List<ItemOutcome> misfits = new ArrayList<>();
        List<CsvInput.Line> taken = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            CsvInput.Line row = rows.get(i);
            var misfit = header.misfit(row);
            if (misfit.isPresent()) {
                misfits.add(ItemOutcome.rejected(i, null, List.of(misfit.get())));
                continue;
            }
            items.add(item.apply(columns.stream().map(c -> header.value(row, c)).toList()));
            taken.add(row);
        }
        List<ItemOutcome> outcomes = new ArrayList<>(misfits);
        if (!items.isEmpty()) {
            for (ItemOutcome outcome : write.apply(items).items()) {
                CsvInput.Line row = taken.get(outcome.index());
                int index = rows.indexOf(row);
                outcomes.add(outcome.status() == IngestReport.Status.REJECTED
                        ? ItemOutcome.rejected(index, outcome.sourceId(), outcome.errors().stream()
                                .map(e -> e.in(row.place() + ", column " + e.field())).toList())
                        : new ItemOutcome(index, outcome.sourceId(), outcome.status(), null, List.of()));
            }
        }
        outcomes.sort(java.util.Comparator.comparingInt(ItemOutcome::index));
        return IngestReport.of(outcomes);
    }
}
