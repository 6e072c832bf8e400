package nl.buitenin.listening.internal.imports;

import java.io.StringReader;
import java.time.Clock;
import java.util.List;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import jakarta.annotation.PreDestroy;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.listening.SurveyId;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.platform.CsvInput;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.NotFoundException;
import nl.buitenin.privacy.Persons;

/**
 * Imports answers from another tool's export into a survey version. Everything is read and checked before
 * anything is written: with errors, either nothing is taken (the default) or, when asked to take the valid
 * rows, exactly the rejected lines are reported. The writing runs in the background, one import at a time per
 * node, in one transaction, and reports its progress in the import's row (committed apart, about once a second), so
 * the page and the API show it on any node and after a reload. An import whose writer has not reported for
 * {@link #SILENT} (its node stopped: the transaction rolled back) is shown as failed, with nothing saved.
 */
@Service
public class AnswerImports {

    private static final Logger log = LoggerFactory.getLogger(AnswerImports.class);
    /** Far longer than the writer ever goes without reporting (once a second while it runs). */
    static final Duration SILENT = Duration.ofMinutes(10);
    private static final long REPORT_EVERY_NANOS = Duration.ofSeconds(1).toNanos();

    /** Where an import stands; {@code result} once it is finished. */
    public record Progress(UUID id, SurveyId survey, ImportStatus status, int done, int total, ImportResult result) {
    }

    /** An uploaded file read into columns, with the proposed mapping and the first rows to show. */
    public record Prepared(UUID id, SurveyId survey, ExportFormat format, String fileName, ExportTable table, ColumnMapping mapping) {

        public List<ExportRow> firstRows(int n) {
            return table.rows().stream().limit(n).toList();
        }

        /** The values of some columns in a row, for the preview. */
        public String cells(ExportRow row, List<String> columns) {
            return String.join(" | ", columns.stream().map(table::column).flatMap(java.util.Optional::stream).map(row::value)
                    .filter(v -> !v.isEmpty()).toList());
        }
    }

    private final JdbcAnswerImports imports;
    private final JdbcSurveys surveys;
    private final AnswerImportWriter writer;
    private final Organisations organisations;
    private final Persons persons;
    private final Clock clock;
    // One import at a time: a large one keeps the database busy, and a second would only wait for its locks.
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "answer-import");
        thread.setDaemon(true);
        return thread;
    });

    AnswerImports(JdbcAnswerImports imports, JdbcSurveys surveys, AnswerImportWriter writer, Organisations organisations, Persons persons,
            Clock clock) {
        this.imports = imports;
        this.surveys = surveys;
        this.writer = writer;
        this.organisations = organisations;
        this.persons = persons;
        this.clock = clock;
    }

    /** Reads an uploaded export (refused with the reason when it is not one) and keeps it until it is imported. */
    public Prepared upload(SurveyId surveyId, ExportFormat format, String fileName, String content) {
        Survey survey = survey(surveyId);
        ExportTable table = withRows(ExportTable.read(new StringReader(content), format));
        String name = fileName == null || fileName.isBlank() ? "export.csv" : fileName.strip();
        UUID id = imports.upload(surveyId, format, name.length() > 200 ? name.substring(0, 200) : name, content, clock.instant());
        return new Prepared(id, surveyId, format, name, table, suggest(survey, table));
    }

    /** An upload read again, with the proposed mapping (the one saved for this survey and tool when it fits). */
    public Prepared prepared(UUID id) {
        JdbcAnswerImports.StoredImport stored = stored(id);
        if (stored.content() == null) {
            throw new NotFoundException("listening.thing.upload", id);
        }
        ExportTable table = ExportTable.read(new StringReader(stored.content()), stored.format());
        return new Prepared(id, stored.survey(), stored.format(), stored.fileName(), table, suggest(survey(stored.survey()), table));
    }

    public ColumnMapping suggest(SurveyId surveyId, ExportTable table) {
        return suggest(survey(surveyId), table);
    }

    /** Starts importing an upload with a mapping; a wrong mapping is refused at once and the upload kept for another try. */
    public Progress start(UUID id, ColumnMapping mapping, boolean takeValidRows) {
        Prepared prepared = prepared(id);
        return start(id, prepared.table(), mapping == null ? prepared.mapping() : mapping, takeValidRows);
    }

    /** Imports an export sent whole (the API): checked now, written in the background. */
    public Progress start(SurveyId surveyId, ExportFormat format, String content, ColumnMapping mapping, boolean takeValidRows) {
        Survey survey = survey(surveyId);
        ExportTable table = withRows(ExportTable.read(new StringReader(content), format));
        UUID id = imports.upload(surveyId, format, "api.csv", null, clock.instant());
        return start(id, table, mapping == null ? suggest(survey, table) : mapping, takeValidRows);
    }

    /** A file with only its header is refused, as by every import: there is nothing to take. */
    private static ExportTable withRows(ExportTable table) {
        if (table.rows().isEmpty()) {
            throw CsvInput.noRows();
        }
        return table;
    }

    /** Where the import stands, as stored: the same on every node. */
    public Progress progress(UUID id) {
        JdbcAnswerImports.StoredImport stored = stored(id);
        if (stored.status() == ImportStatus.RUNNING && stored.progressAt() != null
                && stored.progressAt().isBefore(clock.instant().minus(SILENT))) {
            ImportResult lost = new ImportResult(stored.total(), 0, 0, 0, 0, 0, 0, List.of(RowError.of(0, null,
                    "listening.invalid.import.silent")));
            imports.failIfSilentSince(id, clock.instant().minus(SILENT), lost, clock.instant());
            stored = stored(id);
        }
        if (stored.status() == ImportStatus.RUNNING) {
            return new Progress(id, stored.survey(), ImportStatus.RUNNING, stored.done(), stored.total(), null);
        }
        ImportResult result = stored.result();
        int total = result == null ? 0 : result.created() + result.duplicates();
        return new Progress(id, stored.survey(), stored.status(), total, total, result);
    }

    private Progress start(UUID id, ExportTable table, ColumnMapping mapping, boolean takeValidRows) {
        JdbcAnswerImports.StoredImport stored = stored(id);
        Survey survey = survey(stored.survey());
        if (!survey.isPublished()) {
            // Answers belong to a version that no longer changes; a draft may still lose the question they answer.
            throw new nl.buitenin.platform.ConflictException("listening.conflict.import.unpublished");
        }
        TouchpointId touchpoint = touchpoint(survey, mapping);
        AnswerRows.Reading reading = new AnswerRows(table, mapping, survey.definition(), organisations.current().timeZone(), persons::keyFor,
                clock.instant()).read();
        int rows = table.rows().size();
        if (!imports.start(id, reading.accepted().size(), clock.instant())) {
            throw new nl.buitenin.platform.ConflictException("listening.conflict.import.done");
        }
        imports.saveMapping(survey.id(), table.format(), mapping, clock.instant());
        if (!reading.errors().isEmpty() && !takeValidRows) {
            ImportResult refused = new ImportResult(rows, 0, 0, reading.rejectedRows(), reading.skipped(), 0, 0, reading.errors());
            imports.finish(id, ImportStatus.REJECTED, refused, clock.instant());
            return new Progress(id, survey.id(), ImportStatus.REJECTED, 0, 0, refused);
        }
        worker.submit(() -> write(id, survey, touchpoint, table.format(), reading, rows));
        return new Progress(id, survey.id(), ImportStatus.RUNNING, 0, reading.accepted().size(), null);
    }

    private void write(UUID id, Survey survey, TouchpointId touchpoint, ExportFormat format, AnswerRows.Reading reading, int rows) {
        try {
            ImportResult result = writer.record(survey, touchpoint, format, reading, rows, reporter(id, reading.accepted().size()));
            imports.finish(id, ImportStatus.DONE, result, clock.instant());
        } catch (RuntimeException e) {
            log.warn("Import {} into survey {} failed; nothing was saved", id, survey.id(), e);
            imports.finish(id, ImportStatus.FAILED, new ImportResult(rows, 0, 0, 0, 0, 0, 0,
                    List.of(RowError.of(0, null, "listening.invalid.import.stopped", String.valueOf(e.getMessage())))), clock.instant());
        }
    }

    /** Stores the rows done about once a second, and the last row always. */
    private IntConsumer reporter(UUID id, int total) {
        long[] last = {System.nanoTime()};
        return done -> {
            long now = System.nanoTime();
            if (done == total || now - last[0] >= REPORT_EVERY_NANOS) {
                last[0] = now;
                imports.progress(id, done, clock.instant());
            }
        };
    }

    /** The touchpoint the answers are about: the one chosen, or the survey's only one. */
    private static TouchpointId touchpoint(Survey survey, ColumnMapping mapping) {
        List<TouchpointId> own = survey.definition().touchpoints();
        if (mapping.touchpoint() != null) {
            return own.stream().filter(t -> t.toString().equals(mapping.touchpoint())).findFirst()
                    .orElseThrow(() -> InvalidInputException.of("mapping.touchpoint", "listening.invalid.import.touchpoint"));
        }
        if (own.size() > 1) {
            throw InvalidInputException.of("mapping.touchpoint", "listening.invalid.import.chooseTouchpoint");
        }
        return own.isEmpty() ? null : own.get(0);
    }

    private ColumnMapping suggest(Survey survey, ExportTable table) {
        return MappingSuggestion.suggest(table, survey.definition(), imports.savedMapping(survey.id(), table.format()).orElse(null));
    }

    private JdbcAnswerImports.StoredImport stored(UUID id) {
        return imports.byId(id).orElseThrow(() -> new NotFoundException("listening.thing.import", id));
    }

    private Survey survey(SurveyId id) {
        return surveys.byId(id).orElseThrow(() -> new NotFoundException("listening.thing.survey", id));
    }

    @PreDestroy
    void stop() {
        worker.shutdown();
    }
}
