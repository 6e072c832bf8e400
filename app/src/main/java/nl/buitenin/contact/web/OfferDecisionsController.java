package nl.buitenin.contact.web;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.contact.ContactKind;
import nl.buitenin.contact.internal.JdbcContactStore;
import nl.buitenin.contact.internal.OfferPolicies;
import nl.buitenin.contact.internal.OfferPolicy;
import nl.buitenin.contact.internal.OfferPolicyFile;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;
import nl.buitenin.platform.PageController;

/**
 * Offers under the contact policy, for staff: the shared contact budget (limits and what was sent this week, month and
 * quarter per kind), its settings, and the latest offer decisions with their reasons in words.
 */
@PageController
class OfferDecisionsController {

    private final OfferPolicies policies;
    private final JdbcContactStore store;
    private final Organisations organisations;
    private final java.time.Clock clock;

    OfferDecisionsController(OfferPolicies policies, JdbcContactStore store, Organisations organisations, java.time.Clock clock) {
        this.policies = policies;
        this.store = store;
        this.organisations = organisations;
        this.clock = clock;
    }

    /** Messages of one kind sent in the current week, month and quarter, with the kind's own limits (null: none). */
    record KindUse(ContactKind kind, long week, long month, long quarter, OfferPolicy.@Nullable Limits limits) {
    }

    @GetMapping("/contact/aanbiedingen")
    @Allow({Role.ADMIN, Role.ANALYST})
    String show(Model model) {
        return page(model, policies.current(), List.of());
    }

    @PostMapping("/contact/aanbiedingen")
    @Allow(Role.ADMIN)
    String save(@RequestParam Map<String, String> form, Model model) {
        List<FieldError> errors = new ArrayList<>();
        OfferPolicyFile.LimitsFile budget = limits("budget", form, errors);
        OfferPolicyFile.LimitsFile offers = limits("offer", form, errors);
        Integer topicCap = whole("topicCap", form, errors);
        Integer topicCapDays = whole("topicCapDays", form, errors);
        Integer recentSurveyDays = whole("recentSurveyDays", form, errors);
        try {
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            policies.change(new OfferPolicyFile(budget, Map.of(ContactKind.OFFER.name(), offers), topicCap, topicCapDays, recentSurveyDays));
            return "redirect:/contact/aanbiedingen?saved";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
            return page(model, policies.current(), e.errors());
        }
    }

    private String page(Model model, OfferPolicy policy, List<FieldError> errors) {
        ZoneId zone = organisations.current().timeZone();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        Instant week = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(zone).toInstant();
        Instant month = today.withDayOfMonth(1).atStartOfDay(zone).toInstant();
        Instant quarter = today.with(IsoFields.DAY_OF_QUARTER, 1).atStartOfDay(zone).toInstant();
        Map<ContactKind, Long> inWeek = store.sentPerKindSince(week);
        Map<ContactKind, Long> inMonth = store.sentPerKindSince(month);
        Map<ContactKind, Long> inQuarter = store.sentPerKindSince(quarter);
        List<KindUse> use = new ArrayList<>();
        for (ContactKind kind : ContactKind.values()) {
            use.add(new KindUse(kind, inWeek.getOrDefault(kind, 0L), inMonth.getOrDefault(kind, 0L), inQuarter.getOrDefault(kind, 0L),
                    policy.limitsOf(kind)));
        }
        model.addAttribute("policy", policy);
        model.addAttribute("offerLimits", policy.limitsOf(ContactKind.OFFER) == null ? policy.budget() : policy.limitsOf(ContactKind.OFFER));
        model.addAttribute("use", use);
        model.addAttribute("decisions", store.recentOfferDecisions(50));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", errors);
        }
        return "contact/offers";
    }

    private static OfferPolicyFile.LimitsFile limits(String prefix, Map<String, String> form, List<FieldError> errors) {
        return new OfferPolicyFile.LimitsFile(whole(prefix + ".perWeek", form, errors), whole(prefix + ".perMonth", form, errors),
                whole(prefix + ".perQuarter", form, errors));
    }

    private static @Nullable Integer whole(String field, Map<String, String> form, List<FieldError> errors) {
        String raw = form.get(field);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            errors.add(FieldError.of(field, "contact.invalid.wholeNumber", raw.strip()));
            return null;
        }
    }
}
