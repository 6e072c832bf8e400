package nl.buitenin.listening.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.journey.Journey;
import nl.buitenin.journey.Journeys;
import nl.buitenin.listening.QuestionType;
import nl.buitenin.listening.SurveyId;
import nl.buitenin.listening.internal.CaseRule;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.QuestionAdvice;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.listening.internal.SurveyEditing;
import nl.buitenin.listening.internal.SurveyReview;
import nl.buitenin.listening.internal.checker.Language;
import nl.buitenin.platform.ConflictException;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;
import nl.buitenin.platform.PageController;
import nl.buitenin.platform.RequestValues;

/** The survey list, the editor with the checker's advice next to each question, and the phone preview. */
@PageController
@Allow({Role.ADMIN, Role.ANALYST})
class SurveyController {

    private final SurveyEditing editing;
    private final JdbcSurveys surveys;
    private final Journeys journeys;
    private final SurveyReview review;

    SurveyController(SurveyEditing editing, JdbcSurveys surveys, Journeys journeys, SurveyReview review) {
        this.editing = editing;
        this.review = review;
        this.surveys = surveys;
        this.journeys = journeys;
    }

    @GetMapping("/surveys")
    @Allow({Role.ADMIN, Role.ANALYST, Role.AGENT})
    String list(Model model) {
        model.addAttribute("surveys", surveys.latestVersions());
        return "listening/surveys";
    }

    @GetMapping("/surveys/new")
    String newSurvey(Model model) {
        return editor(model, SurveyForm.blank(), null, List.of(), List.of());
    }

    @PostMapping("/surveys/new")
    String create(@ModelAttribute("form") SurveyForm form, @RequestParam(defaultValue = "save") String action, Model model) {
        if (rearrange(form, action)) {
            return editor(model, form, null, List.of(), List.of());
        }
        try {
            SurveyEditing.Saved saved = editing.create(form.toDefinition());
            return "redirect:/surveys/" + saved.survey().id() + "?saved";
        } catch (InvalidInputException e) {
            return editor(model, form, null, liveAdvice(form), e.errors());
        }
    }

    @GetMapping("/surveys/{id}")
    @Allow({Role.ADMIN, Role.ANALYST, Role.AGENT})
    String show(@PathVariable String id, Model model) {
        SurveyEditing.Saved saved = editing.show(surveyId(id));
        return editor(model, SurveyForm.of(saved.survey().definition()), saved.survey(), saved.advice(), List.of());
    }

    @PostMapping("/surveys/{id}")
    String save(@PathVariable String id, @ModelAttribute("form") SurveyForm form, @RequestParam(defaultValue = "save") String action,
            Model model) {
        Survey survey = editing.show(surveyId(id)).survey();
        if (rearrange(form, action)) {
            return editor(model, form, survey, List.of(), List.of());
        }
        try {
            editing.edit(survey.id(), form.toDefinition());
            return "redirect:/surveys/" + survey.id() + "?saved";
        } catch (InvalidInputException e) {
            return editor(model, form, survey, liveAdvice(form), e.errors());
        } catch (ConflictException e) {
            return editor(model, form, survey, List.of(), List.of(e.error("survey")));
        }
    }

    /**
     * The advice on one question in one language while it is typed (htmx, the editor's whole form posted): answered
     * per language, so advice appears while the other language is still empty and before the survey is valid.
     */
    @PostMapping("/surveys/check-question")
    String checkQuestion(@ModelAttribute("form") SurveyForm form, @RequestParam int question, @RequestParam String language,
            Model model) {
        Language checked = RequestValues.requiredChoice("language", language, Language.class, "listening.invalid.language");
        if (question < 0 || question >= form.getQuestions().size()) {
            throw InvalidInputException.of("question", "listening.invalid.questionIndex", question);
        }
        model.addAttribute("items", liveAdvice(form, question, checked));
        model.addAttribute("question", question);
        model.addAttribute("language", checked.code());
        model.addAttribute("text", checked == Language.NL ? form.getQuestions().get(question).getTextNl()
                : form.getQuestions().get(question).getTextEn());
        return "listening/advice :: live";
    }

    private List<QuestionAdvice> liveAdvice(SurveyForm form, int index, Language language) {
        SurveyForm.QuestionForm q = form.getQuestions().get(index);
        boolean dutch = language == Language.NL;
        List<String> options = (dutch ? q.getOptionsNl() : q.getOptionsEn()).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        return review.review(index, q.getKey(), language, dutch ? q.getTextNl() : q.getTextEn(), options);
    }

    /** The advice on what the form holds, also when it cannot be saved yet (a language still empty, a field wrong). */
    private List<QuestionAdvice> liveAdvice(SurveyForm form) {
        List<QuestionAdvice> advice = new java.util.ArrayList<>();
        for (int i = 0; i < form.getQuestions().size(); i++) {
            for (Language language : Language.values()) {
                advice.addAll(liveAdvice(form, i, language));
            }
        }
        return advice;
    }

    /**
     * Publishes, after a confirmation step when advice is still open or no touchpoint is chosen: that page names
     * both and offers to publish anyway ({@code confirmed=true}) or to go back to the editor.
     */
    @PostMapping("/surveys/{id}/publish")
    String publish(@PathVariable String id, @RequestParam(defaultValue = "false") boolean confirmed, Model model) {
        SurveyId surveyId = surveyId(id);
        SurveyEditing.Saved saved = editing.show(surveyId);
        if (!confirmed && !saved.survey().isPublished()) {
            SurveyEditing.OpenPoints open = editing.openPoints(surveyId);
            if (!open.isEmpty()) {
                model.addAttribute("survey", saved.survey());
                model.addAttribute("open", open);
                return "listening/publish-confirm";
            }
        }
        editing.publish(surveyId, true);
        return "redirect:/surveys/" + id + "?published";
    }

    @PostMapping("/surveys/{id}/revise")
    String revise(@PathVariable String id) {
        Survey next = editing.revise(surveyId(id));
        return "redirect:/surveys/" + next.id() + "?revised";
    }

    @GetMapping("/surveys/{id}/preview")
    @Allow({Role.ADMIN, Role.ANALYST, Role.AGENT})
    String preview(@PathVariable String id, @RequestParam(defaultValue = "nl") String lang, Model model) {
        Survey survey = editing.show(surveyId(id)).survey();
        model.addAttribute("survey", survey);
        model.addAttribute("lang", "en".equals(lang) ? "en" : "nl");
        return "listening/preview";
    }

    /** Adds or removes a question row without saving; true when the form only changed shape. */
    private static boolean rearrange(SurveyForm form, String action) {
        if ("add".equals(action)) {
            form.getQuestions().add(new SurveyForm.QuestionForm());
            return true;
        }
        if (action.startsWith("remove-")) {
            int index = Integer.parseInt(action.substring("remove-".length()));
            if (index >= 0 && index < form.getQuestions().size()) {
                form.getQuestions().remove(index);
            }
            return true;
        }
        return false;
    }

    private String editor(Model model, SurveyForm form, Survey survey, List<QuestionAdvice> advice, List<FieldError> errors) {
        Map<Integer, List<QuestionAdvice>> byQuestion = advice.stream()
                .collect(Collectors.groupingBy(QuestionAdvice::questionIndex, TreeMap::new, Collectors.toList()));
        model.addAttribute("form", form);
        model.addAttribute("survey", survey);
        model.addAttribute("advice", byQuestion);
        model.addAttribute("adviceCount", advice.size());
        model.addAttribute("languages", List.of("nl", "en"));
        model.addAttribute("errors", errors);
        model.addAttribute("types", QuestionType.values());
        model.addAttribute("triggers", CaseRule.Trigger.values());
        model.addAttribute("versions", survey == null ? List.of() : surveys.versions(survey.lineage()));
        List<Journey> mapped = journeys.all();
        Set<String> known = mapped.stream().flatMap(j -> j.touchpoints().stream()).map(t -> t.id().toString()).collect(Collectors.toSet());
        model.addAttribute("journeys", mapped);
        // An archived touchpoint is no longer offered, but one this form still names is shown by its name.
        java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        model.addAttribute("archivedTouchpoints", journeys.allIncludingArchived().stream().flatMap(j -> j.touchpoints().stream())
                .filter(t -> t.archived()).collect(Collectors.toMap(t -> t.id().toString(), t -> t.name(locale))));
        // A touchpoint the survey names that is no longer on any journey stays visible, so saving does not drop it unseen.
        model.addAttribute("unmappedTouchpoints", form.getTouchpoints().stream().filter(id -> !known.contains(id)).toList());
        return "listening/editor";
    }

    private static SurveyId surveyId(String id) {
        try {
            return SurveyId.of(id);
        } catch (IllegalArgumentException e) {
            throw new nl.buitenin.platform.NotFoundException("survey", id);
        }
    }
}
