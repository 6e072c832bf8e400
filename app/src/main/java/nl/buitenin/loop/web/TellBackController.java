package nl.buitenin.loop.web;

import java.util.List;
import java.util.UUID;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.loop.internal.CallbackOutcome;
import nl.buitenin.loop.internal.TellBackCalls;
import nl.buitenin.loop.internal.TellBackTasks;
import nl.buitenin.platform.ConflictException;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;
import nl.buitenin.platform.PageController;
import nl.buitenin.platform.RequestValues;
import nl.buitenin.privacy.Persons;
import nl.buitenin.privacy.PurposeId;
import nl.buitenin.privacy.PurposeRefusedException;

/**
 * "You said, we did" by phone: the phone number of a call-back task (read through privacy under the
 * purpose "service improvement", only when the agent asks for it) and the outcome of the call.
 */
@PageController
@Allow(Role.AGENT)
class TellBackController {

    private final TellBackCalls calls;
    private final LoopPages pages;
    private final Persons persons;

    TellBackController(TellBackCalls calls, LoopPages pages, Persons persons) {
        this.calls = calls;
        this.pages = pages;
        this.persons = persons;
    }

    @GetMapping("/cases/tell-back/{id}/contact")
    String contact(@PathVariable UUID id, Model model) {
        TellBackTasks.Task task = calls.visibleTo(pages.me(), id);
        if (task.person() == null) {
            model.addAttribute("anonymous", true);
        } else {
            try {
                model.addAttribute("details", persons.contactDetails(task.person(), PurposeId.SERVICE_IMPROVEMENT).orElse(null));
            } catch (PurposeRefusedException e) {
                model.addAttribute("refused", e.reason().name());
            }
        }
        return "loop/case-contact :: contact";
    }

    @PostMapping("/cases/tell-back/{id}/calls")
    String logCall(@PathVariable UUID id, @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String note, RedirectAttributes redirect) {
        try {
            calls.logCall(pages.me(), id, parse(outcome), note);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", e.errors());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("errors", List.of(e.error("status")));
        }
        return "redirect:/cases";
    }

    private static CallbackOutcome parse(String outcome) {
        return RequestValues.requiredChoice("outcome", outcome, CallbackOutcome.class, "loop.invalid.outcome");
    }
}
