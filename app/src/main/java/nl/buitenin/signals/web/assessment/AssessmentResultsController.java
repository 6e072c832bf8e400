package nl.buitenin.signals.web.assessment;

import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.platform.PageController;
import nl.buitenin.platform.RequestValues;
import nl.buitenin.signals.internal.assessment.AssessmentResults;
import nl.buitenin.signals.internal.assessment.DayArea;

/** The results of Day's self-assessment for analysts and admins: per capability and department, the gap, over time. */
@PageController
@Allow({Role.ADMIN, Role.ANALYST})
class AssessmentResultsController {

    private final AssessmentResults results;
    private final MessageSource messages;

    AssessmentResultsController(AssessmentResults results, MessageSource messages) {
        this.results = results;
        this.messages = messages;
    }

    @GetMapping("/signals/assessment")
    String results(@RequestParam(required = false) @Nullable String round, @RequestParam(required = false) @Nullable String department,
            Model model, Locale locale) {
        UUID wanted = RequestValues.uuid("round", round, "assessment.invalid.round");
        model.addAttribute("view", ResultsView.of(results.all(), wanted, RequestValues.given(department), results.k(), messages, locale));
        model.addAttribute("areas", DayArea.values());
        model.addAttribute("k", results.k());
        return "signals/assessment";
    }
}
