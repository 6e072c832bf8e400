package nl.buitenin.journey.internal;

import nl.buitenin.platform.CsvInput;
import nl.buitenin.platform.IngestReport;

import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.platform.IngestReport.ItemOutcome;
import nl.buitenin.platform.IngestReport.Status;
import nl.buitenin.platform.InvalidInputException.FieldError;

/**
 * Imports a CSV of interactions ({@link InteractionCsv}) in one transaction. Valid rows are taken (new source ids created, known
 * ones counted as duplicates); every rejected row is reported with its line and column, so the report
 * says exactly what was taken and what to fix. Importing the same file again creates nothing.
 */
@Service
public class CsvImport {

    private final InteractionIngest ingest;

    CsvImport(InteractionIngest ingest) {
        this.ingest = ingest;
    }

    /**
     * A rejected cell (or row): its line (header = 1), the column and what is wrong, in English ({@code message}) and
     * as a message key with arguments, so the page tells it in the reader's language.
     */
    public record RowError(long line, String column, String message, String key, List<Object> args) {

        public RowError {
            args = args == null ? List.of() : List.copyOf(args);
        }
    }

    /**
     * @param unknownColumns columns of the header that were not read (not one of {@link InteractionCsv#COLUMNS})
     */
    public record Report(int rows, int created, int duplicates, List<RowError> rejected, List<String> unknownColumns) {

        public Report {
            rejected = List.copyOf(rejected);
            unknownColumns = List.copyOf(unknownColumns);
        }

        public long rejectedLines() {
            return rejected.stream().mapToLong(RowError::line).distinct().count();
        }
    }

    @Transactional
    public Report importCsv(Reader reader) {
        InteractionCsv.Read read = InteractionCsv.read(reader);
        List<InteractionCsv.Row> rows = read.rows();
        if (read.rowCount() == 0) {
            throw CsvInput.noRows();
        }
        int created = 0;
        int duplicates = 0;
        List<RowError> rejected = new ArrayList<>();
        for (InteractionCsv.Misfit misfit : read.misfits()) {
            FieldError error = misfit.error();
            rejected.add(new RowError(misfit.line(), error.field(), error.message(), error.key(), error.args()));
        }
        for (int start = 0; start < rows.size(); start += InteractionIngest.MAX_BATCH) {
            List<InteractionCsv.Row> chunk = rows.subList(start, Math.min(rows.size(), start + InteractionIngest.MAX_BATCH));
            IngestReport report = ingest.ingest(chunk.stream().map(InteractionCsv.Row::input).toList());
            created += report.created();
            duplicates += report.duplicates();
            for (ItemOutcome outcome : report.items()) {
                if (outcome.status() == Status.REJECTED) {
                    long line = chunk.get(outcome.index()).line();
                    for (FieldError error : outcome.errors()) {
                        rejected.add(new RowError(line, error.field(), error.message(), error.key(), error.args()));
                    }
                }
            }
        }
        rejected.sort(java.util.Comparator.comparingLong(RowError::line));
        return new Report(read.rowCount(), created, duplicates, rejected, read.unknownColumns());
    }
}
