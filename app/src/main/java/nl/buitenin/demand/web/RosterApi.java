package nl.buitenin.demand.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.access.Scope;
import nl.buitenin.demand.internal.roster.Gaps;
import nl.buitenin.demand.internal.roster.Roster;
import nl.buitenin.demand.internal.roster.RosterGaps;
import nl.buitenin.demand.internal.roster.RosterSaved;
import nl.buitenin.demand.internal.volume.SeriesKey;
import nl.buitenin.demand.internal.DemandFigures;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.NotFoundException;
import nl.buitenin.platform.RequestValues;

/** The roster in and out, and its gaps against the staffing plan. */
@RestController
@RequestMapping("/api/v1/demand/roster")
class RosterApi {

    private static final int MAX_DAYS = 62;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Roster roster;
    private final RosterGaps gaps;
    private final DemandFigures figures;

    RosterApi(Roster roster, RosterGaps gaps, DemandFigures figures) {
        this.roster = roster;
        this.gaps = gaps;
        this.figures = figures;
    }

    /**
     * Agents for one interval: {@code date} and a local {@code intervalStart} such as {@code 09:15} on the organisation's
     * clock, or {@code intervalStart} as a moment with its offset (for the hour the clocks go back).
     */
    record RosterItem(String channel, String location, @Nullable String date, String intervalStart, Integer agents) {
    }

    record RosterBatch(@NotNull @Size(min = 1, max = 10_000) List<RosterItem> entries) {
    }

    /** One interval on the roster: its local time, the moment with offset, the agents. */
    record RosterInterval(LocalDate date, String time, OffsetDateTime intervalStart, int agents) {
    }

    record RosterView(String channel, String location, int intervalMinutes, LocalDate from, LocalDate to, List<RosterInterval> intervals) {
    }

    /** One interval's gap: {@code difference} is rostered minus needed (negative: short). */
    record GapView(OffsetDateTime intervalStart, double forecastContacts, int needed, int rostered, int difference, int onPhones,
            double serviceLevel, @Nullable Double asaSeconds, @Nullable Double abandonProbability) {
    }

    record GapsView(String channel, String location, String target, int intervalMinutes, List<LocalDate> days, List<LocalDate> rostered,
            List<LocalDate> notRostered,
            long shortIntervals, long overIntervals, @Nullable GapView largestShort, List<GapView> intervals) {
    }

    @PutMapping
    @Allow(value = {Role.PLANNER, Role.ADMIN}, scopes = Scope.INGEST)
    @Operation(summary = "Set the agents rostered per interval (a count for an interval already on the roster replaces it; the same again changes nothing)")
    RosterSaved put(@Valid @RequestBody RosterBatch batch) {
        return roster.write(batch.entries().stream()
                .map(i -> new Roster.Written(i.channel(), i.location(), i.date(), i.intervalStart(), i.agents())).toList(), "entries");
    }

    @GetMapping
    @Allow(value = {Role.PLANNER, Role.ADMIN, Role.ANALYST}, scopes = Scope.READ)
    @Operation(summary = "The agents rostered per interval of a series, from one day to another (at most 62 days)")
    RosterView get(@RequestParam String channel, @RequestParam String location, @RequestParam String from,
            @RequestParam(required = false) String to) {
        SeriesKey series = Roster.seriesOf(channel, location);
        LocalDate first = RequestValues.require(RequestValues.date("from", from, "demand.roster.invalid.day"), "from",
                "demand.roster.invalid.day", from);
        LocalDate last = to == null ? first : RequestValues.require(RequestValues.date("to", to, "demand.roster.invalid.day"), "to",
                "demand.roster.invalid.day", to);
        if (last.isBefore(first) || first.plusDays(MAX_DAYS - 1).isBefore(last)) {
            throw InvalidInputException.of("to", "demand.roster.invalid.range", MAX_DAYS);
        }
        ZoneId zone = roster.zone();
        List<RosterInterval> intervals = new ArrayList<>();
        roster.days(series, first, last).forEach((Instant start, Integer agents) -> {
            ZonedDateTime local = start.atZone(zone);
            intervals.add(new RosterInterval(local.toLocalDate(), TIME.format(local), local.toOffsetDateTime(), agents));
        });
        return new RosterView(series.channel().name(), series.location(), roster.intervalMinutes(), first, last, intervals);
    }

    @GetMapping("/gaps")
    @Allow(value = {Role.PLANNER, Role.ADMIN, Role.ANALYST}, scopes = Scope.READ)
    @Operation(summary = "Per interval of the plan's days, the agents needed (Erlang C, or Erlang A with patience) against the roster, "
            + "with the service level and waiting time the rostered agents give")
    GapsView gaps(@RequestParam String channel, @RequestParam String location,
            @RequestParam(required = false, defaultValue = "80/20") String target, @RequestParam(required = false) String aht,
            @RequestParam(required = false) String patience, @RequestParam(required = false) String maxAsa,
            @RequestParam(required = false, defaultValue = "85") String maxOccupancy,
            @RequestParam(required = false, defaultValue = "30") String shrinkage) {
        SeriesKey key = figures.resolve(channel, location)
                .orElseThrow(() -> new NotFoundException("demand.thing.series", channel + " @ " + location));
        StaffingForm form = new StaffingForm(target, aht, patience, maxAsa, maxOccupancy, shrinkage);
        RosterGaps.PlanAndGaps result = gaps.of(key, form.goal(), form.ahtSeconds(), DemandController.FORECAST_DAYS);
        Gaps.Result g = result.gaps();
        Gaps.Gap largest = g.largestShort();
        return new GapsView(key.channel().name(), key.location(), result.plan().goal().target().toString(), figures.intervalMinutes(), g.days(),
                g.rostered(), g.notRostered(), g.shortIntervals(), g.overIntervals(), largest == null ? null : view(largest),
                g.intervals().stream().map(RosterApi::view).toList());
    }

    private static GapView view(Gaps.Gap g) {
        return new GapView(g.start().toOffsetDateTime(), Math.round(g.calls() * 10) / 10.0, g.needed(), g.rostered(), g.difference(),
                g.onPhones(), g.serviceLevel(), g.asaSeconds(), g.abandonProbability());
    }
}
