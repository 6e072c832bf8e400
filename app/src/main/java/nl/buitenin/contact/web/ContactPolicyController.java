package nl.buitenin.contact.web;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import java.time.DayOfWeek;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.contact.internal.InvitedPerHour;
import nl.buitenin.contact.internal.JdbcContactStore;
import nl.buitenin.contact.internal.StoredContactPolicy;
import nl.buitenin.journey.Channel;
import nl.buitenin.journey.Journey;
import nl.buitenin.journey.Journeys;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.PageController;

/** The contact policy settings and the latest decisions with their reasons. */
@PageController
@Allow({Role.ADMIN, Role.ANALYST})
class ContactPolicyController {

    private final StoredContactPolicy policy;
    private final JdbcContactStore store;
    private final Journeys journeys;
    private final InvitedPerHour invitedPerHour;

    ContactPolicyController(StoredContactPolicy policy, JdbcContactStore store, Journeys journeys, InvitedPerHour invitedPerHour) {
        this.policy = policy;
        this.store = store;
        this.journeys = journeys;
        this.invitedPerHour = invitedPerHour;
    }

    @GetMapping("/contact/policy")
    String show(Model model) {
        return page(model, PolicyForm.of(policy.current()), null);
    }

    @PostMapping("/contact/policy")
    String save(@ModelAttribute("form") PolicyForm form, Model model) {
        try {
            policy.change(form.toFile());
            return "redirect:/contact/policy?saved";
        } catch (InvalidInputException e) {
            return page(model, form, e);
        }
    }

    private String page(Model model, PolicyForm form, InvalidInputException error) {
        model.addAttribute("form", form);
        model.addAttribute("errors", error == null ? java.util.List.of() : error.errors());
        model.addAttribute("days", DayOfWeek.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("decisions", store.recentDecisions(20));
        model.addAttribute("invitedPerHour", invitedPerHour.lastDays());
        model.addAttribute("invitedPerHourDays", InvitedPerHour.DAYS);
        model.addAttribute("invitationsWaited", invitedPerHour.waitedLastDays().orElse(null));
        List<Journey> mapped = journeys.all();
        Set<String> known = mapped.stream().flatMap(j -> j.touchpoints().stream()).map(t -> t.id().toString()).collect(Collectors.toSet());
        model.addAttribute("journeys", mapped);
        // An archived touchpoint is no longer offered, but one this form still names is shown by its name.
        java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        model.addAttribute("archivedTouchpoints", journeys.allIncludingArchived().stream().flatMap(j -> j.touchpoints().stream())
                .filter(t -> t.archived()).collect(Collectors.toMap(t -> t.id().toString(), t -> t.name(locale))));
        // A share for a touchpoint no longer on any journey stays visible and editable, so it is never kept unseen.
        model.addAttribute("unmappedTouchpoints", form.getTouchpointShares().keySet().stream().filter(id -> !known.contains(id)).toList());
        return "contact/policy";
    }
}
