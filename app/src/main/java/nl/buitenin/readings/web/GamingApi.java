package nl.buitenin.readings.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.access.Scope;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.Touchpoints;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.readings.internal.GamingReadings;
import nl.buitenin.readings.internal.GamingReport;

/** Signs of score steering per team and location (never per person) for a period, as on the page. */
@RestController
class GamingApi {

    private final GamingReadings readings;
    private final Touchpoints touchpoints;
    private final Organisations organisations;
    private final Clock clock;

    GamingApi(GamingReadings readings, Touchpoints touchpoints, Organisations organisations, Clock clock) {
        this.readings = readings;
        this.touchpoints = touchpoints;
        this.organisations = organisations;
        this.clock = clock;
    }

    @Schema(name = "GamingSignal")
    record SignalJson(@Schema(description = "the team's name; for a location null") @Nullable String team,
            @Schema(description = "the touchpoint of a location; for a team null") @Nullable UUID touchpoint,
            @Schema(description = "the touchpoint's name in the requested language; for a team null") @Nullable String name,
            @Schema(description = "NPS answers read") long n,
            @Schema(description = "share of tens, 0-1") double topShare,
            @Schema(description = "share of tens the rest of the answers explain (the others' distribution shifted to fit), 0-1; null when not tested")
            @Nullable Double expectedTopShare,
            @Schema(description = "Benjamini-Hochberg q-value of the excess of tens; null when not tested") @Nullable Double qValue,
            @Schema(description = "comments that say the person was asked for a score") long askedForScore,
            @Schema(description = "share of answers with a known contact time given within presenceMinutes of it, 0-1; null when unknown")
            @Nullable Double presenceShare,
            @Schema(description = "the same share of the others compared with") @Nullable Double othersPresenceShare,
            @Schema(description = "Benjamini-Hochberg q-value of the higher presence share; null when not tested") @Nullable Double presenceQValue,
            @Schema(description = "why it is flagged: excess_top_scores, asked_for_score, answered_in_presence") List<String> reasons) {
    }

    @Schema(name = "GamingReading")
    record ReadingJson(LocalDate from, LocalDate to,
            @Schema(description = "NPS answers read in the period") long answers,
            @Schema(description = "of which with a team") long withTeam,
            @Schema(description = "of which with a known contact time") long withContactTime,
            @Schema(description = "an answer within this many minutes of its contact counts as given in the staff's presence") int presenceMinutes,
            @Schema(description = "the false-discovery rate of the tests") double falseDiscoveryRate,
            @Schema(description = "true when the purpose 'service-quality-staff' did not allow reading staff references and teams; the lists are then empty")
            boolean refused,
            @Schema(description = "flagged teams, by name; teams without a significant signal are left out") List<SignalJson> teams,
            @Schema(description = "flagged locations (touchpoints); those without a significant signal are left out") List<SignalJson> locations) {
    }

    @GetMapping("/api/v1/readings/gaming")
    @Allow(value = {Role.ADMIN, Role.ANALYST}, scopes = Scope.READ)
    @Operation(summary = "Signs of score steering per team and location for a period (never per person)",
            description = "From the NPS answers of the period: per team against the other teams and per location (touchpoint) against "
                    + "the others, an excess of tens that the rest of the distribution does not explain (a proportional-odds shift "
                    + "plus a spike at 10, likelihood-ratio test), comments that say the person was asked for a score, and a higher "
                    + "share of answers given within a few minutes of the contact (one-sided Fisher exact test, only where the contact "
                    + "time is known). Benjamini-Hochberg at 5 % within each level. Only flagged teams and locations are listed, in "
                    + "name order. Without dates: the 90 days up to today; at most " + GamingReadings.MAX_DAYS + " days.")
    ReadingJson gaming(@Parameter(description = "first day, 2026-03-01") @RequestParam(required = false) @Nullable String from,
            @Parameter(description = "last day (included), 2026-05-31") @RequestParam(required = false) @Nullable String to,
            Locale locale) {
        GamingPeriod period = GamingPeriod.read(from, to, LocalDate.now(clock.withZone(organisations.current().timeZone())));
        GamingReport report = readings.read(period.from(), period.to());
        return new ReadingJson(report.from(), report.to(), report.answers(), report.withTeam(), report.withContactTime(),
                report.presenceMinutes(), 0.05, report.refused(),
                report.teams().stream().map(s -> json(s, s.unit(), null, null)).toList(),
                report.locations().stream().map(s -> {
                    TouchpointId id = new TouchpointId(UUID.fromString(s.unit()));
                    return json(s, null, id.value(), touchpoints.byId(id).map(t -> t.name(locale)).orElse(null));
                }).toList());
    }

    private static SignalJson json(GamingReport.Signal s, @Nullable String team, @Nullable UUID touchpoint, @Nullable String name) {
        return new SignalJson(team, touchpoint, name, s.n(), s.topShare(), Double.isNaN(s.expectedTopShare()) ? null : s.expectedTopShare(),
                s.qValue(), s.askedForScore(), s.presenceShare(), s.othersPresenceShare(), s.presenceQValue(),
                s.reasons().stream().map(r -> r.name().toLowerCase(Locale.ROOT)).toList());
    }
}
