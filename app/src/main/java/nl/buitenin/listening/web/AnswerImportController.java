package nl.buitenin.listening.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.listening.SurveyId;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.listening.internal.SurveyEditing;
import nl.buitenin.listening.internal.SurveyQuestion;
import nl.buitenin.listening.internal.imports.AnswerImports;
import nl.buitenin.listening.internal.imports.ColumnMapping;
import nl.buitenin.listening.internal.imports.ColumnMapping.QuestionColumns;
import nl.buitenin.listening.internal.imports.ExportFormat;
import nl.buitenin.listening.internal.imports.ImportStatus;
import nl.buitenin.platform.CsvInput;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;
import nl.buitenin.platform.NotFoundException;
import nl.buitenin.platform.PageController;

/**
 * Importing answers from another tool in three steps: upload the export, check the proposed mapping against a
 * preview of the first rows, then follow the import to its counts and rejected lines.
 */
@PageController
@Allow({Role.ADMIN, Role.ANALYST})
class AnswerImportController {

    static final int PREVIEW_ROWS = 5;

    private final AnswerImports imports;
    private final SurveyEditing editing;

    AnswerImportController(AnswerImports imports, SurveyEditing editing) {
        this.imports = imports;
        this.editing = editing;
    }

    @GetMapping("/surveys/{id}/import")
    String uploadForm(@PathVariable String id, Model model) {
        return upload(model, survey(id), List.of());
    }

    @PostMapping("/surveys/{id}/import")
    String upload(@PathVariable String id, @RequestParam(defaultValue = "") String format, @RequestParam(required = false) MultipartFile file,
            Model model) throws IOException {
        Survey survey = survey(id);
        try {
            if (file == null || file.isEmpty()) {
                throw InvalidInputException.of("file", "listening.invalid.import.chooseFile");
            }
            AnswerImports.Prepared prepared = imports.upload(survey.id(), ExportFormat.of(format), file.getOriginalFilename(),
                    CsvInput.text(file.getBytes()));
            return "redirect:/surveys/" + survey.id() + "/import/" + prepared.id();
        } catch (InvalidInputException e) {
            return upload(model, survey, e.errors());
        }
    }

    @GetMapping("/surveys/{id}/import/{upload}")
    String show(@PathVariable String id, @PathVariable UUID upload, Model model) {
        Survey survey = survey(id);
        AnswerImports.Progress progress = imports.progress(upload);
        if (!progress.survey().equals(survey.id())) {
            throw new NotFoundException("listening.thing.import", upload);
        }
        if (progress.status() == ImportStatus.UPLOADED) {
            AnswerImports.Prepared prepared = imports.prepared(upload);
            return mapping(model, survey, prepared, prepared.mapping(), false, List.of());
        }
        model.addAttribute("survey", survey);
        model.addAttribute("progress", progress);
        return "listening/import-result";
    }

    @GetMapping("/surveys/{id}/import/{upload}/progress")
    String progress(@PathVariable String id, @PathVariable UUID upload, Model model) {
        Survey survey = survey(id);
        AnswerImports.Progress progress = imports.progress(upload);
        if (!progress.survey().equals(survey.id())) {
            throw new NotFoundException("listening.thing.import", upload);
        }
        model.addAttribute("survey", survey);
        model.addAttribute("progress", progress);
        return "listening/import-result :: progress";
    }

    @PostMapping("/surveys/{id}/import/{upload}")
    String start(@PathVariable String id, @PathVariable UUID upload, @RequestParam MultiValueMap<String, String> form, Model model) {
        Survey survey = survey(id);
        ColumnMapping mapping = mappingOf(survey, form);
        boolean takeValidRows = "true".equals(form.getFirst("takeValidRows"));
        try {
            imports.start(upload, mapping, takeValidRows);
            return "redirect:/surveys/" + survey.id() + "/import/" + upload;
        } catch (InvalidInputException e) {
            return mapping(model, survey, imports.prepared(upload), mapping, takeValidRows, e.errors());
        }
    }

    /** Reads the mapping screen: one select per question ({@code q.<key>}, several values for a multiple choice). */
    private static ColumnMapping mappingOf(Survey survey, MultiValueMap<String, String> form) {
        List<QuestionColumns> questions = new ArrayList<>();
        for (SurveyQuestion question : survey.definition().questions()) {
            questions.add(new QuestionColumns(question.key(), form.getOrDefault("q." + question.key(), List.of())));
        }
        ColumnMapping.ChoiceMatching choices = "POSITION".equals(form.getFirst("choices")) ? ColumnMapping.ChoiceMatching.POSITION
                : ColumnMapping.ChoiceMatching.LABEL;
        return new ColumnMapping(form.getFirst("responseId"), form.getFirst("time"), form.getFirst("person"), form.getFirst("touchpoint"),
                choices, questions, form.getFirst("staff"), form.getFirst("team"));
    }

    private String upload(Model model, Survey survey, List<FieldError> errors) {
        model.addAttribute("survey", survey);
        model.addAttribute("formats", ExportFormat.values());
        model.addAttribute("errors", errors);
        return "listening/import-upload";
    }

    private String mapping(Model model, Survey survey, AnswerImports.Prepared prepared, ColumnMapping mapping, boolean takeValidRows,
            List<FieldError> errors) {
        model.addAttribute("survey", survey);
        model.addAttribute("prepared", prepared);
        model.addAttribute("mapping", mapping);
        model.addAttribute("takeValidRows", takeValidRows);
        model.addAttribute("preview", prepared.firstRows(PREVIEW_ROWS));
        model.addAttribute("errors", errors);
        return "listening/import-mapping";
    }

    private Survey survey(String id) {
        try {
            return editing.show(SurveyId.of(id)).survey();
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("listening.thing.survey", id);
        }
    }
}
