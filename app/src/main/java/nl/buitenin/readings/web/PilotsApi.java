package nl.buitenin.readings.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.access.Scope;
import nl.buitenin.insight.Estimate;
import nl.buitenin.insight.readings.Comparison;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.platform.PageRequest;
import nl.buitenin.platform.PageResult;
import nl.buitenin.platform.RequestValues;
import nl.buitenin.privacy.SmallCellRule;
import nl.buitenin.readings.internal.Pilot;
import nl.buitenin.readings.internal.PilotForm;
import nl.buitenin.readings.internal.PilotReadings;
import nl.buitenin.readings.internal.Pilots;

/**
 * Pilots for machines: define one, list them, read one with its plan, progress and, only once it has ended, its
 * result. Before the end the response has no effect, interval or p-value at all (a fixed horizon), so a client
 * cannot peek either.
 */
@RestController
@RequestMapping("/api/v1/pilots")
class PilotsApi {

    private final Pilots pilots;
    private final PilotReadings readings;
    private final PilotNames names;
    private final SmallCellRule smallCells;

    PilotsApi(Pilots pilots, PilotReadings readings, PilotNames names, SmallCellRule smallCells) {
        this.smallCells = smallCells;
        this.pilots = pilots;
        this.readings = readings;
        this.names = names;
    }

    @Schema(name = "PilotRequest", description = "A pilot to define. Dates as 2026-03-01, both included; the start is today or later.")
    record PilotRequest(@Schema(description = "a short name") @Nullable String name,
            @Schema(description = "what changes in the pilot") @Nullable String change,
            @Schema(description = "nps, csat (share of 4 and 5), ces, rating_5 or rating_10 (means)") @Nullable String measure,
            @Nullable String startsOn, @Nullable String endsOn,
            @Schema(description = "touchpoints (other touchpoints in the same period) or period_before (the same touchpoints, "
                    + "an equally long period just before the start)") @Nullable String control,
            @Schema(description = "ids of the touchpoints where the change applies") @Nullable List<String> touchpoints,
            @Schema(description = "ids of the control touchpoints; only with control=touchpoints") @Nullable List<String> controlTouchpoints) {
    }

    @Schema(name = "PilotTouchpoint")
    record PilotTouchpointJson(UUID id, String nameNl, String nameEn) {
    }

    @Schema(name = "PilotPlan", description = "What the pilot can show, planned from the answers of the days before it was defined")
    record PilotPlanJson(@Schema(description = "days of answers the plan was read from") int windowDays,
            @Schema(description = "answers expected in the pilot group over the pilot's length") long expectedPilot,
            long expectedControl,
            @Schema(description = "equal group size with the same power (harmonic mean of the two)") int perGroup,
            @Schema(description = "smallest true difference found with 80 % power at 5 % significance, in the measure's unit; "
                    + "null when too few recent answers") @Nullable Double minimumDifference,
            @Schema(description = "nps_points, percentage_points or scale_points") String unit) {
    }

    @Schema(name = "PilotProgress", description = "Answers so far; a count about fewer people than fewerThan is null and hidden")
    record PilotProgressJson(@Nullable Long pilotAnswers, @Nullable Long controlAnswers, boolean hidden, int fewerThan, long daysDone, long daysLeft) {
    }

    @Schema(name = "PilotGroupScore")
    record PilotGroupJson(long n, double score, double lower, double upper) {
        static PilotGroupJson of(Estimate e) {
            return new PilotGroupJson(e.n(), e.value(), e.lower(), e.upper());
        }
    }

    @Schema(name = "PilotResult", description = "Pilot group minus control group; the scores and difference are null when a group "
            + "has fewer than 'fewest' answers")
    record PilotResultJson(@Schema(description = "null when fewer than the small-cell minimum") @Nullable Long pilotN, @Nullable Long controlN, int fewest, @Nullable PilotGroupJson pilot, @Nullable PilotGroupJson control,
            @Nullable Double difference, @Nullable Double lower, @Nullable Double upper, @Nullable Double pValue,
            @Schema(description = "the 95 % interval leaves out 0") boolean significant,
            @Schema(description = "the difference these group sizes find with 80 % power") @Nullable Double detectableDifference) {
    }

    @Schema(name = "Pilot")
    record PilotJson(UUID id, String name, String change, String measure, LocalDate startsOn, LocalDate endsOn,
            @Schema(description = "planned, running or finished") String state, String control, LocalDate controlFrom, LocalDate controlTo,
            List<PilotTouchpointJson> touchpoints, List<PilotTouchpointJson> controlTouchpoints, PilotPlanJson plan,
            @Schema(description = "null before the start") @Nullable PilotProgressJson progress,
            @Schema(description = "null until the pilot has ended: no effect is shown while it runs") @Nullable PilotResultJson result) {
    }

    @GetMapping
    @Allow(value = {Role.ADMIN, Role.ANALYST}, scopes = Scope.READ)
    @Operation(summary = "The pilots, the latest start first, each with its plan and state (results only of finished pilots)")
    PageResult<PilotJson> list(@RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size) {
        PageRequest request = PageRequest.of(page, size);
        List<Pilot> all = pilots.all();
        Map<TouchpointId, PilotNames.Named> nl = names.all(Locale.forLanguageTag("nl"));
        Map<TouchpointId, PilotNames.Named> en = names.all(Locale.ENGLISH);
        LocalDate today = readings.today();
        return new PageResult<>(all.stream().skip(request.offset()).limit(request.size()).map(p -> json(p, today, nl, en)).toList(),
                request.page(), request.size(), all.size());
    }

    @GetMapping("/{id}")
    @Allow(value = {Role.ADMIN, Role.ANALYST}, scopes = Scope.READ)
    @Operation(summary = "One pilot: plan, progress while it runs, and its result (effect, 95 % interval, p-value) once it has ended")
    PilotJson one(@PathVariable String id) {
        Pilot pilot = pilots.byId(RequestValues.require(RequestValues.uuid("id", id, "readings.invalid.pilot.id"), "id",
                "readings.invalid.pilot.id"));
        return json(pilot, readings.today(), names.all(Locale.forLanguageTag("nl")), names.all(Locale.ENGLISH));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Allow(value = {Role.ADMIN, Role.ANALYST}, scopes = Scope.INGEST)
    @Operation(summary = "Define a pilot on part of a journey; the answer includes the minimum detectable difference",
            description = "Refused with the fields named: no name or change, an unknown measure, a start in the past, an end not after "
                    + "the start or more than a year later, no or unknown touchpoints, a control of touchpoints without any or "
                    + "overlapping the pilot's.")
    PilotJson define(@RequestBody PilotRequest request) {
        Pilot pilot = pilots.define(new PilotForm(request.name(), request.change(), request.measure(), request.startsOn(), request.endsOn(),
                request.control(), request.touchpoints(), request.controlTouchpoints()));
        return json(pilot, readings.today(), names.all(Locale.forLanguageTag("nl")), names.all(Locale.ENGLISH));
    }

    private PilotJson json(Pilot pilot, LocalDate today, Map<TouchpointId, PilotNames.Named> nl, Map<TouchpointId, PilotNames.Named> en) {
        PilotReadings.Plan plan = readings.plan(pilot);
        String unit = switch (pilot.measure()) {
            case NPS -> "nps_points";
            case CSAT -> "percentage_points";
            default -> "scale_points";
        };
        PilotPlanJson planJson = new PilotPlanJson(plan.windowDays(), plan.expectedPilot(), plan.expectedControl(), plan.perGroup(),
                plan.minimumDifference(), unit);
        PilotProgressJson progress = null;
        if (!today.isBefore(pilot.startsOn())) {
            PilotReadings.Progress p = readings.progress(pilot, today);
            boolean pilotHidden = smallCells.hides(p.pilotAnswers());
            boolean controlHidden = smallCells.hides(p.controlAnswers());
            progress = new PilotProgressJson(pilotHidden ? null : p.pilotAnswers(), controlHidden ? null : p.controlAnswers(),
                    pilotHidden || controlHidden, smallCells.k(), p.daysDone(), p.daysLeft());
        }
        PilotResultJson result = readings.result(pilot, today).map(r -> {
            Comparison c = r.comparison();
            return c == null
                    ? new PilotResultJson(shown(r.pilotN()), shown(r.controlN()), r.fewest(), null, null, null, null, null, null, false, null)
                    : new PilotResultJson(r.pilotN(), r.controlN(), r.fewest(), PilotGroupJson.of(c.first()), PilotGroupJson.of(c.second()),
                            c.difference().value(), c.difference().lower(), c.difference().upper(), c.difference().pValue(),
                            c.difference().excludesZero(), r.detectableDifference());
        }).orElse(null);
        return new PilotJson(pilot.id(), pilot.name(), pilot.change(), pilot.measure().code(), pilot.startsOn(), pilot.endsOn(),
                pilot.state(today).code(), pilot.control().code(), pilot.controlFrom(), pilot.controlTo(), touchpoints(pilot.touchpoints(), nl, en),
                touchpoints(pilot.controlTouchpoints(), nl, en), planJson, progress, result);
    }

    /** A count of answers, or null under the small-cell rule. */
    private @Nullable Long shown(long count) {
        return smallCells.hides(count) ? null : count;
    }

    private static List<PilotTouchpointJson> touchpoints(List<TouchpointId> ids, Map<TouchpointId, PilotNames.Named> nl,
            Map<TouchpointId, PilotNames.Named> en) {
        return ids.stream().map(t -> new PilotTouchpointJson(t.value(), nl.containsKey(t) ? nl.get(t).name() : "",
                en.containsKey(t) ? en.get(t).name() : "")).toList();
    }
}
