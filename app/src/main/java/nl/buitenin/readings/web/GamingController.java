package nl.buitenin.readings.web;

import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.journey.Touchpoint;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.Touchpoints;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.loop.TeamLeads;
import nl.buitenin.platform.PageController;
import nl.buitenin.readings.internal.GamingReadings;
import nl.buitenin.readings.internal.GamingReport;

/**
 * "Signs of score steering": the teams and locations whose gaming signal is significant, for analysts and
 * administrators; per person only for the lead of that person's team, and only those flagged, by pseudonym. An agent
 * who leads no team sees that the page is not for them. Reasons are told in words; nothing is ranked by score.
 */
@PageController
@Allow({Role.ADMIN, Role.ANALYST, Role.AGENT})
class GamingController {

    private final GamingReadings readings;
    private final TeamLeads leads;
    private final Touchpoints touchpoints;
    private final Organisations organisations;
    private final Clock clock;

    GamingController(GamingReadings readings, TeamLeads leads, Touchpoints touchpoints, Organisations organisations, Clock clock) {
        this.readings = readings;
        this.leads = leads;
        this.touchpoints = touchpoints;
        this.organisations = organisations;
        this.clock = clock;
    }

    /** One flagged unit as the page tells it: its name and a sentence per reason, figures in the reader's language. */
    record Row(String name, @Nullable String team, long n, List<Reason> reasons) {
    }

    /** A reason: the message key of its sentence and the figures it names. */
    record Reason(String key, List<Object> args) {
    }

    @GetMapping("/readings/gaming")
    String page(@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
            Authentication authentication, Principal principal, Model model, Locale locale) {
        boolean management = authentication.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals(Role.ADMIN.authority()) || a.getAuthority().equals(Role.ANALYST.authority()));
        Set<String> led = leads.teamLedBy(principal.getName()).map(Set::of).orElse(Set.of());
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("management", management);
        model.addAttribute("leads", !led.isEmpty());
        model.addAttribute("ledTeams", String.join(", ", led.stream().sorted().toList()));
        if (!management && led.isEmpty()) {
            return "readings/gaming";
        }
        try {
            GamingPeriod period = GamingPeriod.read(from, to, LocalDate.now(clock.withZone(organisations.current().timeZone())));
            GamingReport report = readings.read(period.from(), period.to());
            model.addAttribute("report", report);
            model.addAttribute("teams", report.teams().stream().filter(t -> management || led.contains(t.unit()))
                    .map(s -> row(s.unit(), s, report, locale)).toList());
            model.addAttribute("locations", management ? locations(report, locale) : List.of());
            model.addAttribute("staff", report.staff().stream().filter(s -> s.team() != null && led.contains(s.team()))
                    .map(s -> row(s.unit(), s, report, locale)).toList());
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
        }
        return "readings/gaming";
    }

    private List<Row> locations(GamingReport report, Locale locale) {
        List<Row> rows = new ArrayList<>();
        for (GamingReport.Signal signal : report.locations()) {
            String name = touchpoints.byId(new TouchpointId(UUID.fromString(signal.unit()))).map(t -> name(t, locale)).orElse(null);
            if (name != null) {
                rows.add(row(name, signal, report, locale));
            }
        }
        rows.sort(Comparator.comparing(Row::name));
        return rows;
    }

    private static String name(Touchpoint touchpoint, Locale locale) {
        return touchpoint.location() == null || touchpoint.location().isBlank() ? touchpoint.name(locale)
                : touchpoint.name(locale) + " (" + touchpoint.location() + ")";
    }

    private static Row row(String name, GamingReport.Signal signal, GamingReport report, Locale locale) {
        List<Reason> reasons = new ArrayList<>();
        for (GamingReport.Reason reason : signal.reasons()) {
            reasons.add(switch (reason) {
                case EXCESS_TOP_SCORES -> new Reason("readings.gaming.reason.excess",
                        List.of(percent(signal.topShare(), locale), percent(signal.expectedTopShare(), locale)));
                case ASKED_FOR_SCORE -> new Reason("readings.gaming.reason.asked", List.of(signal.askedForScore()));
                case ANSWERED_IN_PRESENCE -> new Reason("readings.gaming.reason.presence",
                        List.of(percent(signal.presenceShare(), locale), report.presenceMinutes(), percent(signal.othersPresenceShare(), locale)));
            });
        }
        return new Row(name, signal.team(), signal.n(), reasons);
    }

    private static String percent(@Nullable Double share, Locale locale) {
        return share == null || share.isNaN() ? "–" : String.format(locale, "%.0f %%", share * 100);
    }
}
