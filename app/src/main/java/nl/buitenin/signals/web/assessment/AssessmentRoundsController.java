package nl.buitenin.signals.web.assessment;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.platform.ConflictException;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.PageController;
import nl.buitenin.platform.RequestValues;
import nl.buitenin.platform.TableFile;
import nl.buitenin.signals.internal.assessment.Assessment;
import nl.buitenin.signals.internal.assessment.JdbcAssessment;
import nl.buitenin.signals.internal.assessment.RoundForm;
import nl.buitenin.signals.internal.assessment.StaffLevel;

/**
 * Admins run the self-assessment: define a round (a quarter or half year), and make anonymous one-time links per
 * department and level, downloaded once as CSV to hand out (the links are not kept).
 */
@PageController
@Allow(Role.ADMIN)
class AssessmentRoundsController {

    private final Assessment assessment;
    private final JdbcAssessment store;
    private final MessageSource messages;

    AssessmentRoundsController(Assessment assessment, JdbcAssessment store, MessageSource messages) {
        this.assessment = assessment;
        this.store = store;
        this.messages = messages;
    }

    record RoundRow(UUID id, String name, java.time.LocalDate opensOn, java.time.LocalDate closesOn, long answered, long invited, boolean open) {
    }

    @GetMapping("/signals/assessment/rounds")
    String rounds(Model model, Locale locale) {
        show(model, new RoundForm("", assessment.today().toString(), assessment.today().plusDays(20).toString()), List.of(), null, List.of());
        return "signals/assessment-rounds";
    }

    @PostMapping("/signals/assessment/rounds")
    String define(@RequestParam(required = false) @Nullable String name, @RequestParam(required = false) @Nullable String opensOn,
            @RequestParam(required = false) @Nullable String closesOn, Model model, Locale locale, RedirectAttributes redirect) {
        RoundForm form = new RoundForm(name, opensOn, closesOn);
        try {
            assessment.defineRound(form);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/signals/assessment/rounds";
        } catch (InvalidInputException e) {
            show(model, form, ShownError.of(e.errors(), messages, locale), null, List.of());
            return "signals/assessment-rounds";
        }
    }

    /** The links as a CSV download ({@code department,level,link}); on a wrong entry the page again, with the error. */
    @PostMapping("/signals/assessment/rounds/{id}/links")
    Object links(@PathVariable String id, @RequestParam(required = false) @Nullable String department,
            @RequestParam(required = false) @Nullable String level, @RequestParam(required = false) @Nullable String count, Model model,
            Locale locale) {
        UUID round = RequestValues.require(RequestValues.uuid("round", id, "assessment.invalid.round"), "round", "assessment.invalid.round");
        try {
            List<String> links = assessment.links(round, department, level, count);
            String levelName = messages.getMessage(StaffLevel.fromCode(level).orElseThrow().messageKey(), null, locale);
            TableFile table = TableFile.of("links", List.of("department", "level", "link"));
            links.forEach(link -> table.row(List.of(department.strip(), levelName, link)));
            return table.download(TableFile.Format.CSV, "zelfevaluatie-links");
        } catch (InvalidInputException e) {
            show(model, new RoundForm("", assessment.today().toString(), assessment.today().plusDays(20).toString()), List.of(), round,
                    ShownError.of(e.errors(), messages, locale));
            return "signals/assessment-rounds";
        } catch (ConflictException e) {
            show(model, new RoundForm("", assessment.today().toString(), assessment.today().plusDays(20).toString()), List.of(), round,
                    List.of(new ShownError("", "", messages.getMessage(e.getMessage(), null, e.getMessage(), locale))));
            return "signals/assessment-rounds";
        }
    }

    private void show(Model model, RoundForm form, List<ShownError> errors, @Nullable UUID linksRound, List<ShownError> linkErrors) {
        Map<UUID, Long> answered = store.answeredPerRound();
        Map<UUID, Long> invited = store.issuedPerRound();
        java.time.LocalDate today = assessment.today();
        model.addAttribute("rounds", store.rounds().stream().map(r -> new RoundRow(r.id(), r.name(), r.opensOn(), r.closesOn(),
                answered.getOrDefault(r.id(), 0L), invited.getOrDefault(r.id(), 0L), !today.isAfter(r.closesOn()))).toList());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("linksRound", linksRound);
        model.addAttribute("linkErrors", linkErrors);
        model.addAttribute("levels", StaffLevel.values());
        model.addAttribute("departments", store.departments());
        model.addAttribute("mostLinks", Assessment.MOST_LINKS);
    }
}
