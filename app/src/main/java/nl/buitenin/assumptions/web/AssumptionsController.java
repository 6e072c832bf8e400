package nl.buitenin.assumptions.web;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import nl.buitenin.access.Allow;
import nl.buitenin.access.AnySignedIn;
import nl.buitenin.access.Role;
import nl.buitenin.access.User;
import nl.buitenin.access.Users;
import nl.buitenin.assumptions.NewAssumption;
import nl.buitenin.assumptions.internal.Assumption;
import nl.buitenin.assumptions.internal.AssumptionBook;
import nl.buitenin.assumptions.internal.Explanations;
import nl.buitenin.assumptions.internal.KnowledgeFigure;
import nl.buitenin.assumptions.internal.TestForm;
import nl.buitenin.insight.ThemedAnswers;
import nl.buitenin.journey.Journey;
import nl.buitenin.journey.JourneyId;
import nl.buitenin.journey.Journeys;
import nl.buitenin.journey.Touchpoint;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.listening.ScoredResponses;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.PageController;
import nl.buitenin.platform.RequestValues;

/**
 * The pages of assumptions: the list and one assumption with its evidence (analysts and administrators), the
 * organisation's figure (management), and "my assumptions" (every member of staff, their own only).
 */
@PageController
class AssumptionsController {

    private final AssumptionBook book;
    private final Explanations explanations;
    private final KnowledgeFigure knowledge;
    private final Journeys journeys;
    private final Users users;
    private final ScoredResponses scored;
    private final ObjectProvider<ThemedAnswers> themes;

    AssumptionsController(AssumptionBook book, Explanations explanations, KnowledgeFigure knowledge, Journeys journeys, Users users,
            ScoredResponses scored, ObjectProvider<ThemedAnswers> themes) {
        this.book = book;
        this.explanations = explanations;
        this.knowledge = knowledge;
        this.journeys = journeys;
        this.users = users;
        this.scored = scored;
        this.themes = themes;
    }

    @GetMapping("/assumptions")
    @Allow({Role.ADMIN, Role.ANALYST})
    String list(Model model, Locale locale) {
        model.addAttribute("assumptions", views(book.all(), locale));
        model.addAttribute("journeys", journeys.all());
        return "assumptions/list";
    }

    @PostMapping("/assumptions")
    @Allow({Role.ADMIN, Role.ANALYST})
    String create(@RequestParam(required = false) @Nullable String statement, @RequestParam(required = false) @Nullable String department,
            @RequestParam(required = false) @Nullable String owner, @RequestParam(required = false) @Nullable String where,
            RedirectAttributes redirect) {
        try {
            JourneyId journey = null;
            TouchpointId touchpoint = null;
            String place = RequestValues.given(where);
            if (place != null && place.startsWith("t:")) {
                touchpoint = RequestValues.id("where", place.substring(2), TouchpointId::new, "assumptions.invalid.touchpoint");
                TouchpointId wanted = touchpoint;
                journey = journeys.all().stream().filter(j -> j.touchpoints().stream().anyMatch(t -> t.id().equals(wanted))).map(Journey::id)
                        .findFirst().orElse(null);
            } else if (place != null && place.startsWith("j:")) {
                journey = RequestValues.id("where", place.substring(2), JourneyId::new, "assumptions.invalid.journey");
            }
            if (journey == null) {
                throw InvalidInputException.of("where", "assumptions.invalid.journey");
            }
            UUID id = book.propose(new NewAssumption(statement == null ? "" : statement, department == null ? "" : department, owner, journey,
                    touchpoint, null));
            return "redirect:/assumptions/" + id;
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", e.errors());
            return "redirect:/assumptions";
        }
    }

    @PostMapping("/assumptions/test-all")
    @Allow({Role.ADMIN, Role.ANALYST})
    String testAll() {
        book.testAll();
        return "redirect:/assumptions";
    }

    @GetMapping("/assumptions/{id}")
    @Allow({Role.ADMIN, Role.ANALYST})
    String one(@PathVariable UUID id, Model model, Locale locale) {
        Assumption assumption = book.test(id);
        model.addAttribute("a", view(assumption, locale));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", TestForm.of(assumption.test()));
        }
        model.addAttribute("shareKeys", book.shareKeys());
        ThemedAnswers taxonomy = themes.getIfAvailable();
        model.addAttribute("themes", taxonomy == null ? List.of()
                : taxonomy.themes().stream().sorted(Comparator.comparing((ThemedAnswers.Theme t) -> t.name(locale))).toList());
        model.addAttribute("surveys", scored.surveys());
        return "assumptions/one";
    }

    @PostMapping("/assumptions/{id}/test")
    @Allow({Role.ADMIN, Role.ANALYST})
    String chooseTest(@PathVariable UUID id, TestFormFields fields, RedirectAttributes redirect) {
        TestForm form = fields.form();
        try {
            book.chooseTest(id, form);
            redirect.addFlashAttribute("tested", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", e.errors());
            redirect.addFlashAttribute("form", form);
        }
        return "redirect:/assumptions/" + id;
    }

    /** The test form's fields; a survey question is sent as survey and question key in one value. */
    record TestFormFields(@Nullable String kind, @Nullable String scale, @Nullable String share, @Nullable String questionMeasure,
            @Nullable String theme, @Nullable String surveyQuestion, @Nullable String expectation, @Nullable String low,
            @Nullable String high, @Nullable String from, @Nullable String to) {

        TestForm form() {
            String measure = "score".equalsIgnoreCase(kind) ? scale : "share".equalsIgnoreCase(kind) ? share
                    : "question".equalsIgnoreCase(kind) ? questionMeasure : null;
            String survey = null;
            String question = null;
            if (surveyQuestion != null && surveyQuestion.contains("|")) {
                survey = surveyQuestion.substring(0, surveyQuestion.indexOf('|'));
                question = surveyQuestion.substring(surveyQuestion.indexOf('|') + 1);
            }
            return new TestForm(kind, measure, theme, survey, question, expectation, low, high, from, to);
        }
    }

    @PostMapping("/assumptions/{id}/question")
    @Allow({Role.ADMIN, Role.ANALYST})
    String toQuestion(@PathVariable UUID id, @RequestParam(required = false) @Nullable String questionNl,
            @RequestParam(required = false) @Nullable String questionEn, RedirectAttributes redirect, Locale locale) {
        try {
            AssumptionBook.Drafted drafted = book.toQuestion(id, questionNl == null ? "" : questionNl, questionEn == null ? "" : questionEn);
            redirect.addFlashAttribute("drafted", drafted.draft().survey().value());
            redirect.addFlashAttribute("advice", drafted.draft().advice().stream()
                    .map(a -> "en".equals(locale.getLanguage()) ? a.explanationEn() : a.explanationNl()).distinct().toList());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", e.errors());
        }
        return "redirect:/assumptions/" + id;
    }

    @PostMapping("/assumptions/{id}/pilot")
    @Allow({Role.ADMIN, Role.ANALYST})
    String toPilot(@PathVariable UUID id, @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable String change, @RequestParam(required = false) @Nullable String measure,
            @RequestParam(required = false) @Nullable String startsOn, @RequestParam(required = false) @Nullable String endsOn,
            RedirectAttributes redirect) {
        try {
            book.toPilot(id, PilotRequest.read(book.byId(id), name, change, measure, startsOn, endsOn));
            redirect.addFlashAttribute("piloted", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", e.errors());
        }
        return "redirect:/assumptions/" + id;
    }

    @GetMapping("/assumptions/mine")
    @AnySignedIn
    String mine(Model model, Locale locale) {
        User user = users.current().orElseThrow();
        model.addAttribute("assumptions", views(book.mine(user.username()), locale));
        return "assumptions/mine";
    }

    @GetMapping("/assumptions/organisation")
    @Allow({Role.ADMIN, Role.ANALYST})
    String organisation(Model model, Locale locale) {
        model.addAttribute("figure", knowledge.figure());
        return "assumptions/organisation";
    }

    private List<AssumptionView> views(List<Assumption> assumptions, Locale locale) {
        List<Journey> all = journeys.allIncludingArchived();
        return assumptions.stream().map(a -> AssumptionView.of(a, where(a, all, locale), ownerName(a.owner()), explanations, locale)).toList();
    }

    private AssumptionView view(Assumption a, Locale locale) {
        return AssumptionView.of(a, where(a, journeys.allIncludingArchived(), locale), ownerName(a.owner()), explanations, locale);
    }

    private @Nullable String ownerName(@Nullable String owner) {
        return owner == null ? null : users.byUsername(owner).map(User::displayName).orElse(owner);
    }

    /** "Reis – Bellen om te boeken", or the journey alone. */
    static String where(Assumption a, List<Journey> journeys, Locale locale) {
        Journey journey = journeys.stream().filter(j -> j.id().equals(a.journey())).findFirst().orElse(null);
        if (journey == null) {
            return "";
        }
        String touchpoint = a.touchpoint() == null ? null
                : journey.touchpoints().stream().filter(t -> t.id().equals(a.touchpoint())).map((Touchpoint t) -> t.name(locale)).findFirst()
                        .orElse(null);
        return touchpoint == null ? journey.name(locale) : journey.name(locale) + " – " + touchpoint;
    }
}
