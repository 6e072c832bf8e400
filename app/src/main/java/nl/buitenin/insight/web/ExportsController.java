package nl.buitenin.insight.web;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.access.Users;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.platform.PageController;

/**
 * The download buttons: scores per touchpoint and week and (for an analyst) the comments, as CSV or XLSX, for a period
 * that starts as the journey map's (the last 12 weeks). The buttons are plain links to the export API, so a download
 * needs no script, and the files are the ones machines get with an API key.
 */
@PageController
@Allow({Role.ADMIN, Role.ANALYST, Role.AGENT})
class ExportsController {

    private final Organisations organisations;
    private final Users users;

    ExportsController(Organisations organisations, Users users) {
        this.organisations = organisations;
        this.users = users;
    }

    @GetMapping("/exports")
    String exports(@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
            Model model) {
        LocalDate today = LocalDate.now(organisations.current().timeZone());
        model.addAttribute("from", from != null ? from : today.minusWeeks(ScoresApi.DEFAULT_WEEKS).plusDays(1).toString());
        model.addAttribute("to", to != null ? to : today.toString());
        model.addAttribute("comments", users.current().map(u -> u.roles().contains(Role.ADMIN) || u.roles().contains(Role.ANALYST))
                .orElse(false));
        return "insight/exports";
    }
}
