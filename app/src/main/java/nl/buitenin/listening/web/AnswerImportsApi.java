package nl.buitenin.listening.web;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.access.Scope;
import nl.buitenin.listening.SurveyId;
import nl.buitenin.listening.internal.imports.AnswerImports;
import nl.buitenin.listening.internal.imports.ColumnMapping;
import nl.buitenin.listening.internal.imports.ExportColumn;
import nl.buitenin.listening.internal.imports.ExportFormat;
import nl.buitenin.listening.internal.imports.ExportTable;
import nl.buitenin.listening.internal.imports.ImportResult;
import nl.buitenin.listening.internal.imports.ImportStatus;
import nl.buitenin.listening.internal.imports.RowError;
import nl.buitenin.platform.ErrorMessages;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.NotFoundException;
import nl.buitenin.platform.RequestValues;

/**
 * Imports answers from another tool's CSV export into a survey version. The file is read and checked before
 * anything is written: errors answer 400 naming line and column (unless the valid rows are to be taken), then
 * the rows are written in the background, in one transaction, and the import's progress can be followed.
 */
@RestController
@RequestMapping("/api/v1/surveys/{survey}/answer-imports")
@Allow(value = {Role.ADMIN, Role.ANALYST}, scopes = Scope.INGEST)
class AnswerImportsApi {

    private final AnswerImports imports;

    private final ErrorMessages texts;

    AnswerImportsApi(AnswerImports imports, ErrorMessages texts) {
        this.imports = imports;
        this.texts = texts;
    }

    /**
     * @param format        qualtrics, surveymonkey, googleforms or plain
     * @param csv           the export as it was downloaded (UTF-8 text)
     * @param mapping       the columns per question; left out, the suggested (or last saved) mapping is used
     * @param takeValidRows true to take the valid rows and list the rejected ones; false (default) takes nothing when a row is wrong
     */
    record ImportRequest(String format, String csv, ColumnMapping mapping, Boolean takeValidRows) {
    }

    record SuggestionRequest(String format, String csv) {
    }

    record ColumnView(String name, String label, String detail) {
    }

    record SuggestionView(List<ColumnView> columns, int rows, ColumnMapping mapping) {
    }

    record ErrorView(long line, String column, String message) {
        static ErrorView of(RowError e, ErrorMessages texts) {
            return new ErrorView(e.line(), e.column(), e.place() + ": " + texts.tell(e.asFieldError()));
        }
    }

    record ResultView(int rows, int created, int duplicates, int rejected, int skipped, int pastRetention, int forgotten,
            List<ErrorView> errors) {
        static ResultView of(ImportResult r, ErrorMessages texts) {
            return r == null ? null : new ResultView(r.rows(), r.created(), r.duplicates(), r.rejected(), r.skipped(), r.pastRetention(),
                    r.forgotten(), r.errors().stream().map(e -> ErrorView.of(e, texts)).toList());
        }
    }

    record ProgressView(UUID id, String status, int done, int total, ResultView result) {
        static ProgressView of(AnswerImports.Progress p, ErrorMessages texts) {
            return new ProgressView(p.id(), p.status().name(), p.done(), p.total(), ResultView.of(p.result(), texts));
        }
    }

    @PostMapping("/suggestion")
    @Operation(summary = "Read an export's header and propose the column mapping (the last one saved for this survey and tool when it fits)")
    SuggestionView suggest(@PathVariable String survey, @RequestBody SuggestionRequest request) {
        ExportTable table = ExportTable.read(new java.io.StringReader(csv(request.csv())), ExportFormat.of(request.format()));
        return new SuggestionView(table.columns().stream().map(c -> new ColumnView(c.name(), c.label(), c.detail())).toList(),
                table.rows().size(), imports.suggest(surveyId(survey), table));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Import the answers of an export; 400 names every bad value by line and column, 202 starts the writing",
            description = "Importing the same rows again creates nothing: survey, tool and response id are the natural key.")
    ProgressView start(@PathVariable String survey, @RequestBody ImportRequest request) {
        AnswerImports.Progress progress = imports.start(surveyId(survey), ExportFormat.of(request.format()), csv(request.csv()),
                request.mapping(), Boolean.TRUE.equals(request.takeValidRows()));
        if (progress.status() == ImportStatus.REJECTED) {
            throw new InvalidInputException(progress.result().errors().stream().map(RowError::asFieldError).toList());
        }
        return ProgressView.of(progress, texts);
    }

    @GetMapping("/{id}")
    @Operation(summary = "How far an import is; the counts and rejected lines once it is done")
    ProgressView progress(@PathVariable String survey, @PathVariable UUID id) {
        AnswerImports.Progress progress = imports.progress(id);
        if (!progress.survey().equals(surveyId(survey))) {
            throw new NotFoundException("listening.thing.import", id);
        }
        return ProgressView.of(progress, texts);
    }

    private static String csv(String csv) {
        RequestValues.required("csv", csv, "listening.invalid.import.csvText");
        return csv;
    }

    static SurveyId surveyId(String id) {
        try {
            return SurveyId.of(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("listening.thing.survey", id);
        }
    }
}
