package nl.buitenin.demand.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
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
import nl.buitenin.demand.ContactVolume;
import nl.buitenin.demand.ContactVolumes;
import nl.buitenin.demand.internal.DemandFigures;
import nl.buitenin.demand.internal.forecast.Accuracy;
import nl.buitenin.demand.internal.forecast.Backtest;
import nl.buitenin.demand.internal.volume.SeriesKey;
import nl.buitenin.journey.Channel;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;
import nl.buitenin.platform.NotFoundException;
import nl.buitenin.platform.RecordedTimes;
import nl.buitenin.platform.RequestValues;

/** Contact volumes in; series, forecasts and staffing plans out. */
@RestController
@RequestMapping("/api/v1/demand")
class DemandApi {

    private final ContactVolumes volumes;
    private final DemandFigures figures;

    private final Clock clock;

    DemandApi(ContactVolumes volumes, DemandFigures figures, Clock clock) {
        this.volumes = volumes;
        this.figures = figures;
        this.clock = clock;
    }

    record VolumeItem(String channel, String location, Instant intervalStart, Long offered, Long handled, Double ahtSeconds,
            Long abandoned, String sourceId) {
    }

    record VolumeBatch(@NotNull @Size(min = 1, max = 10_000) List<VolumeItem> volumes) {
    }

    record SeriesView(String channel, String location) {
    }

    /** The counts per interval with their 80 % and 95 % prediction intervals (null where the history was too short for a band). */
    record DayView(LocalDate date, String closedBecause, double total, List<Double> counts, List<Double> low80, List<Double> high80,
            List<Double> low95, List<Double> high95) {
    }

    record ForecastResponse(String channel, String location, String method, int intervalMinutes, List<DayView> days,
            BacktestView backtest) {
    }

    record BacktestView(String chosen, String baseline, LocalDate heldOutFrom, LocalDate heldOutTo, List<Accuracy> heldOut,
            Backtest.Improvement improvement) {
    }

    record PlanResponse(String channel, String location, String method, double ahtSeconds, String target, int intervalMinutes,
            List<DemandFigures.PlanInterval> intervals) {
    }

    @PostMapping("/volumes")
    @Allow(value = {Role.PLANNER, Role.ADMIN}, scopes = Scope.INGEST)
    @Operation(summary = "Record contact counts (idempotent by sourceId, or by channel, location and interval start)")
    ContactVolumes.Recorded record(@Valid @RequestBody VolumeBatch batch) {
        List<ContactVolume> items = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        Instant now = clock.instant();
        for (int i = 0; i < batch.volumes().size(); i++) {
            VolumeItem item = batch.volumes().get(i);
            try {
                if (item.intervalStart() != null) {
                    int index = i;
                    RecordedTimes.check("intervalStart", item.intervalStart(), item.intervalStart().toString(), now)
                            .ifPresent(error -> errors.add(error.in("volumes[" + index + "].intervalStart")));
                }
                items.add(toVolume(item, i));
            } catch (InvalidInputException e) {
                for (FieldError error : e.errors()) {
                    errors.add(error.in("volumes[" + i + "]." + error.field()));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return volumes.record(items);
    }

    @GetMapping("/series")
    @Allow(value = {Role.PLANNER, Role.ADMIN, Role.ANALYST}, scopes = Scope.READ)
    @Operation(summary = "The series (channel and location) that have counts")
    List<SeriesView> series() {
        return figures.series().stream().map(s -> new SeriesView(s.channel().name(), s.location())).toList();
    }

    @GetMapping("/forecast")
    @Allow(value = {Role.PLANNER, Role.ADMIN, Role.ANALYST}, scopes = Scope.READ)
    @Operation(summary = "Forecast per interval for the coming days, with the backtest that chose the method")
    ForecastResponse forecast(@RequestParam String channel, @RequestParam String location,
            @RequestParam(required = false, defaultValue = "14") int days) {
        SeriesKey key = series(channel, location);
        if (days < 1 || days > 62) {
            throw InvalidInputException.of("days", "demand.invalid.days");
        }
        DemandFigures.ForecastView view = figures.forecast(key, days);
        List<DayView> dayViews = view.forecast().days().stream().map(d -> new DayView(d.date(), d.closedBecause(),
                Math.round(d.total() * 10) / 10.0, rounded(d.counts()), d.band() == null ? List.of() : rounded(d.band().low80()),
                d.band() == null ? List.of() : rounded(d.band().high80()), d.band() == null ? List.of() : rounded(d.band().low95()),
                d.band() == null ? List.of() : rounded(d.band().high95()))).toList();
        Backtest.Report r = view.backtest();
        BacktestView backtest = r == null ? null
                : new BacktestView(r.chosen(), r.baseline(), r.heldOutFrom(), r.heldOutTo(), r.heldOut(), r.improvement());
        return new ForecastResponse(key.channel().name(), key.location(), view.forecast().method(), view.forecast().intervalMinutes(),
                dayViews, backtest);
    }

    private static List<Double> rounded(double[] values) {
        if (values == null) {
            return List.of();
        }
        List<Double> result = new java.util.ArrayList<>(values.length);
        for (double v : values) {
            result.add(Double.isNaN(v) ? null : Math.round(v * 100) / 100.0);
        }
        return result;
    }

    @GetMapping("/staffing")
    @Allow(value = {Role.PLANNER, Role.ADMIN, Role.ANALYST}, scopes = Scope.READ)
    @Operation(summary = "Agents per interval for the forecast days (Erlang C, or Erlang A with patience)")
    PlanResponse staffing(@RequestParam String channel, @RequestParam String location,
            @RequestParam(required = false, defaultValue = "80/20") String target, @RequestParam(required = false) String aht,
            @RequestParam(required = false) String patience, @RequestParam(required = false) String maxAsa,
            @RequestParam(required = false) String maxOccupancy, @RequestParam(required = false) String shrinkage) {
        SeriesKey key = series(channel, location);
        StaffingForm form = new StaffingForm(target, aht, patience, maxAsa, maxOccupancy, shrinkage);
        DemandFigures.Plan plan = figures.plan(key, form.goal(), form.ahtSeconds(), 14);
        return new PlanResponse(key.channel().name(), key.location(), plan.method(), plan.ahtSeconds(), plan.goal().target().toString(),
                figures.intervalMinutes(), plan.intervals());
    }

    private SeriesKey series(String channel, String location) {
        return figures.resolve(channel, location).orElseThrow(() -> new NotFoundException("demand.thing.series", channel + " @ " + location));
    }

    private static ContactVolume toVolume(VolumeItem item, int index) {
        Channel channel = item.channel() == null ? null : RequestValues.requiredChoice("channel", item.channel(), Channel.class,
                "demand.invalid.channel", item.channel(), List.of(Channel.values()).toString());
        if (item.offered() == null) {
            throw InvalidInputException.of("offered", "demand.invalid.required");
        }
        return new ContactVolume(channel, item.location(), item.intervalStart(), item.offered(), item.handled(), item.ahtSeconds(),
                item.abandoned(), item.sourceId());
    }
}
