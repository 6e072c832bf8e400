package nl.buitenin.listening.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.access.Scope;
import nl.buitenin.listening.SurveyId;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.QuestionAdvice;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.listening.internal.SurveyEditing;
import nl.buitenin.listening.internal.SurveyFile;
import nl.buitenin.listening.internal.SurveyReview;
import nl.buitenin.platform.NotFoundException;
import nl.buitenin.platform.PageRequest;
import nl.buitenin.platform.PageResult;

/** Surveys over REST, in the documented file format. ADMIN and ANALYST write; AGENT (and READ keys) read. */
@RestController
@RequestMapping("/api/v1/surveys")
@Allow({Role.ADMIN, Role.ANALYST})
class SurveysApi {

    private final SurveyEditing editing;
    private final JdbcSurveys surveys;
    private final SurveyReview review;

    SurveysApi(SurveyEditing editing, JdbcSurveys surveys, SurveyReview review) {
        this.editing = editing;
        this.surveys = surveys;
        this.review = review;
    }

    record AdviceView(int questionIndex, String questionKey, String language, String code, String evidence, String explanationNl,
            String explanationEn, String rewrite) {
        static AdviceView of(QuestionAdvice a) {
            return new AdviceView(a.questionIndex(), a.questionKey(), a.language().code(), a.code(), a.finding().evidence(),
                    a.finding().explanationNl(), a.finding().explanationEn(), a.finding().rewrite());
        }
    }

    record SurveyView(String id, UUID lineage, int version, String status, Instant createdAt, Instant publishedAt, SurveyFile survey,
            List<AdviceView> advice) {
        static SurveyView of(Survey s, List<QuestionAdvice> advice) {
            return new SurveyView(s.id().toString(), s.lineage(), s.version(), s.status().name(), s.createdAt(), s.publishedAt(),
                    SurveyFile.of(s.definition()), advice.stream().map(AdviceView::of).toList());
        }
    }

    record SummaryView(String id, UUID lineage, int version, String status, String titleNl, String titleEn, Instant createdAt,
            Instant publishedAt) {
        static SummaryView of(JdbcSurveys.Summary s) {
            return new SummaryView(s.id().toString(), s.lineage(), s.version(), s.status().name(), s.titleNl(), s.titleEn(), s.createdAt(),
                    s.publishedAt());
        }
    }

    @GetMapping
    @Allow(value = {Role.ADMIN, Role.ANALYST, Role.AGENT}, scopes = Scope.READ)
    @Operation(summary = "The newest version of every survey")
    PageResult<SummaryView> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        PageRequest request = PageRequest.of(page, size);
        List<JdbcSurveys.Summary> all = surveys.latestVersions();
        List<SummaryView> items = all.stream().skip(request.offset()).limit(request.size()).map(SummaryView::of).toList();
        return new PageResult<>(items, request.page(), request.size(), all.size());
    }

    @GetMapping("/{id}")
    @Allow(value = {Role.ADMIN, Role.ANALYST, Role.AGENT}, scopes = Scope.READ)
    @Operation(summary = "One survey version with the checker's advice")
    SurveyView get(@PathVariable String id) {
        SurveyEditing.Saved saved = editing.show(surveyId(id));
        return SurveyView.of(saved.survey(), saved.advice());
    }

    @GetMapping("/{id}/versions")
    @Allow(value = {Role.ADMIN, Role.ANALYST, Role.AGENT}, scopes = Scope.READ)
    @Operation(summary = "All versions of the survey this version belongs to, newest first")
    List<SummaryView> versions(@PathVariable String id) {
        Survey survey = editing.show(surveyId(id)).survey();
        return surveys.versions(survey.lineage()).stream().map(SummaryView::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a survey (a draft) from the file format; the answer carries the checker's advice")
    SurveyView create(@RequestBody SurveyFile file) {
        SurveyEditing.Saved saved = editing.create(file.toDefinition());
        return SurveyView.of(saved.survey(), saved.advice());
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a draft; a published version answers 409 (revise it instead)")
    SurveyView edit(@PathVariable String id, @RequestBody SurveyFile file) {
        SurveyEditing.Saved saved = editing.edit(surveyId(id), file.toDefinition());
        return SurveyView.of(saved.survey(), saved.advice());
    }

    @PostMapping("/{id}/publish")
    @Operation(summary = "Publish a draft; from then on it never changes. A draft with open advice on its wording or without a "
            + "touchpoint answers 409 naming them, unless acknowledgeAdvice=true")
    SurveyView publish(@PathVariable String id, @RequestParam(defaultValue = "false") boolean acknowledgeAdvice) {
        Survey survey = editing.publish(surveyId(id), acknowledgeAdvice);
        return SurveyView.of(survey, review.review(survey.definition()));
    }

    @PostMapping("/{id}/revise")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start the next version (a draft) of a published survey")
    SurveyView revise(@PathVariable String id) {
        Survey next = editing.revise(surveyId(id));
        return SurveyView.of(next, review.review(next.definition()));
    }

    @PostMapping("/check")
    @Operation(summary = "Check a survey's wording without saving it")
    List<AdviceView> check(@RequestBody SurveyFile file) {
        return review.review(file.toDefinition()).stream().map(AdviceView::of).toList();
    }

    private static SurveyId surveyId(String id) {
        try {
            return SurveyId.of(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("listening.thing.survey", id);
        }
    }

}
