package nl.buitenin.demand.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.math3.distribution.TDistribution;
import org.springframework.stereotype.Service;

import nl.buitenin.demand.internal.erlang.Staffed;
import nl.buitenin.demand.internal.erlang.Staffing;
import nl.buitenin.demand.internal.erlang.StaffingGoal;
import nl.buitenin.demand.internal.erlang.Workload;
import nl.buitenin.demand.internal.forecast.Backtest;
import nl.buitenin.demand.internal.forecast.Closures;
import nl.buitenin.demand.internal.forecast.Forecaster;
import nl.buitenin.demand.internal.forecast.History;
import nl.buitenin.demand.internal.volume.Intervals;
import nl.buitenin.demand.internal.volume.JdbcContactVolumes;
import nl.buitenin.demand.internal.volume.JdbcContactVolumes.Stored;
import nl.buitenin.demand.internal.volume.SeriesKey;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.platform.NotFoundException;

/**
 * The figures a planner looks at, computed from the stored counts on the organisation's clock: heat
 * map, weekly trend, busiest intervals, forecast with backtest, and the staffing plan.
 */
@Service
public class DemandFigures {

    /** History read for a forecast: 12 weeks for the profile plus up to 16 backtest weeks, and some room. */
    private static final int HISTORY_WEEKS = 32;

    private final JdbcContactVolumes volumes;
    private final Organisations organisations;
    private final DemandProperties properties;

    DemandFigures(JdbcContactVolumes volumes, Organisations organisations, DemandProperties properties) {
        this.volumes = volumes;
        this.organisations = organisations;
        this.properties = properties;
    }

    /** Average contacts per hour of the day (rows 0-23) and weekday (columns Monday-Sunday), with the number of days behind each weekday. */
    public record HeatMap(SeriesKey series, LocalDate from, LocalDate to, double[][] hourByWeekday, int[] daysPerWeekday) {
    }

    public record WeekTotal(LocalDate weekStart, long total, Double changePercent) {
    }

    /** An interval of the week by its mean count over the days it was open, with a 95 % t interval. */
    public record BusyInterval(DayOfWeek weekday, LocalTime start, double mean, double low, double high, int days) {
    }

    public record ForecastView(SeriesKey series, Forecaster.Forecast forecast, Backtest.Report backtest, int heldOutWeeks) {
    }

    /**
     * One interval of a plan, staffed for the point forecast. {@code callsHigh80} and {@code scheduledAtHigh80} are the
     * upper end of the forecast's 80 % prediction interval and the agents it would need: the risk a planner may
     * cover with stand-by staff (null where the interval has no band).
     */
    public record PlanInterval(ZonedDateTime start, double calls, double erlangs, int agents, int scheduled, double serviceLevel,
            Double asaSeconds, double occupancy, Double abandonProbability, Double callsHigh80, Integer scheduledAtHigh80) {
    }

    /**
     * A plan for the forecast days; {@code days} lists every one of them, also the closed ones and those with no contacts
     * expected, which have no intervals.
     */
    public record Plan(SeriesKey series, String method, double ahtSeconds, boolean ahtMeasured, StaffingGoal goal,
            List<PlanInterval> intervals, List<LocalDate> days) {

        public int peakAgents() {
            return intervals.stream().mapToInt(PlanInterval::scheduled).max().orElse(0);
        }

        public double agentHours(int intervalMinutes) {
            return intervals.stream().mapToInt(PlanInterval::scheduled).sum() * intervalMinutes / 60.0;
        }
    }

    public List<SeriesKey> series() {
        return volumes.series();
    }

    /** Whether the series' figures come from reported counts or from journey interactions. */
    public nl.buitenin.demand.internal.volume.VolumeSource sourceOf(SeriesKey series) {
        return volumes.sourceOf(series);
    }

    public ZoneId zone() {
        return organisations.current().timeZone();
    }

    public int intervalMinutes() {
        return properties.intervalMinutes();
    }

    /** The series asked for, or the first there is; empty when nothing has been recorded. */
    public java.util.Optional<SeriesKey> resolve(String channel, String location) {
        List<SeriesKey> all = series();
        if (channel == null || location == null) {
            // The phone first: that is where staffing matters most; of several phone lines the one counted most recently,
            // so that an imported history (a bank's counts of 2003) does not push aside the line that is live today.
            java.util.Comparator<SeriesKey> latestFirst = java.util.Comparator.comparing(
                    (SeriesKey s) -> java.util.Optional.ofNullable(volumes.latest(s)).orElse(Instant.MIN)).reversed();
            return all.stream().filter(s -> s.channel() == nl.buitenin.journey.Channel.PHONE).sorted(latestFirst).findFirst()
                    .or(() -> all.stream().findFirst());
        }
        return java.util.Optional.of(all.stream()
                .filter(s -> s.channel().name().equalsIgnoreCase(channel) && s.location().equals(location)).findFirst()
                .orElseThrow(() -> new NotFoundException("demand.thing.series", channel + " @ " + location)));
    }

    /** The history of the last {@code weeks} weeks up to the latest count, on the local clock. */
    History history(SeriesKey series, int weeks) {
        Instant latest = volumes.latest(series);
        History history = new History(properties.intervalMinutes());
        if (latest == null) {
            return history;
        }
        ZoneId zone = zone();
        LocalDate lastDay = latest.atZone(zone).toLocalDate();
        Instant from = lastDay.minusWeeks(weeks).plusDays(1).atStartOfDay(zone).toInstant();
        for (Stored row : volumes.counts(series, from, lastDay.plusDays(1).atStartOfDay(zone).toInstant())) {
            ZonedDateTime local = row.intervalStart().atZone(zone);
            history.add(local.toLocalDate(), Intervals.minuteOfDay(local), row.offered());
        }
        return history;
    }

    public HeatMap heatMap(SeriesKey series, int weeks) {
        History history = history(series, weeks);
        double[][] sums = new double[24][7];
        int[] days = new int[7];
        for (LocalDate date : history.dates()) {
            int weekday = date.getDayOfWeek().getValue() - 1;
            days[weekday]++;
            double[] slots = history.day(date);
            for (int slot = 0; slot < slots.length; slot++) {
                if (!Double.isNaN(slots[slot])) {
                    sums[slot * history.intervalMinutes() / 60][weekday] += slots[slot];
                }
            }
        }
        for (int hour = 0; hour < 24; hour++) {
            for (int weekday = 0; weekday < 7; weekday++) {
                sums[hour][weekday] = days[weekday] == 0 ? 0 : sums[hour][weekday] / days[weekday];
            }
        }
        return new HeatMap(series, history.isEmpty() ? null : history.first(), history.isEmpty() ? null : history.last(), sums, days);
    }

    public List<WeekTotal> weeklyTrend(SeriesKey series, int weeks) {
        History history = history(series, weeks);
        Map<LocalDate, Double> totals = new TreeMap<>();
        for (LocalDate date : history.dates()) {
            totals.merge(Forecaster.weekStart(date), history.total(date), Double::sum);
        }
        List<WeekTotal> result = new ArrayList<>();
        Double previous = null;
        for (Map.Entry<LocalDate, Double> week : totals.entrySet()) {
            Double change = previous == null || previous == 0 ? null : 100 * (week.getValue() - previous) / previous;
            result.add(new WeekTotal(week.getKey(), Math.round(week.getValue()), change));
            previous = week.getValue();
        }
        return result;
    }

    public List<BusyInterval> busiest(SeriesKey series, int weeks, int count) {
        History history = history(series, weeks);
        Map<String, List<Double>> byWeekdayAndSlot = new TreeMap<>();
        for (LocalDate date : history.dates()) {
            double[] slots = history.day(date);
            for (int slot = 0; slot < slots.length; slot++) {
                if (!Double.isNaN(slots[slot])) {
                    byWeekdayAndSlot.computeIfAbsent(date.getDayOfWeek().getValue() + "-" + slot, k -> new ArrayList<>()).add(slots[slot]);
                }
            }
        }
        List<BusyInterval> result = new ArrayList<>();
        byWeekdayAndSlot.forEach((key, values) -> {
            String[] parts = key.split("-");
            double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            double half = Double.NaN;
            if (values.size() > 1) {
                double ss = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
                half = new TDistribution(values.size() - 1).inverseCumulativeProbability(0.975) * Math.sqrt(ss / (values.size() - 1) / values.size());
            }
            result.add(new BusyInterval(DayOfWeek.of(Integer.parseInt(parts[0])),
                    LocalTime.MIN.plusMinutes((long) Integer.parseInt(parts[1]) * history.intervalMinutes()), mean, mean - half, mean + half,
                    values.size()));
        });
        result.sort(Comparator.comparingDouble(BusyInterval::mean).reversed());
        return result.subList(0, Math.min(count, result.size()));
    }

    public Closures closures() {
        return new Closures(true, volumes.closures());
    }

    public Map<LocalDate, String> enteredClosures() {
        return volumes.closures();
    }

    /** A forecast of {@code days} days from the day after the last count, with its backtest. */
    public ForecastView forecast(SeriesKey series, int days) {
        History history = history(series, HISTORY_WEEKS);
        if (history.isEmpty()) {
            throw new NotFoundException("demand.thing.counts", series.toString());
        }
        Closures closures = closures();
        // From the day after the last count: tomorrow for a live feed, and right after the data for an imported history.
        LocalDate from = history.last().plusDays(1);
        Forecaster.Forecast forecast = Forecaster.forecast(history, closures, from, days);
        History open = Forecaster.openDaysOnly(history, closures);
        Backtest.Report report = null;
        int heldOut = 0;
        for (int weeks : new int[] {8, 4}) {
            try {
                report = Backtest.run(open, Forecaster.METHODS, Forecaster.BASELINE, weeks, weeks);
                heldOut = weeks;
                break;
            } catch (IllegalArgumentException tooShort) {
                // Try fewer weeks; with too little history there is no backtest to show.
            }
        }
        return new ForecastView(series, forecast, report, heldOut);
    }

    /**
     * Today up to {@code now}: the contacts counted per interval that has ended, next to the forecast for those
     * intervals made from the history before today (the same {@link Forecaster} as the forecast page, as it would have
     * read this morning). Empty when nothing has been counted today yet.
     *
     * @param actual   per ended interval, the contacts counted (0 where none were)
     * @param forecast per ended interval, the forecast (0 on a closed day)
     */
    public record TodaySoFar(SeriesKey series, LocalDate day, List<Double> actual, List<Double> forecast) {

        public double actualTotal() {
            return actual.stream().mapToDouble(Double::doubleValue).sum();
        }

        public double forecastTotal() {
            return forecast.stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    public java.util.Optional<TodaySoFar> todaySoFar(SeriesKey series, Instant now) {
        ZoneId zone = zone();
        ZonedDateTime local = now.atZone(zone);
        LocalDate today = local.toLocalDate();
        History history = history(series, HISTORY_WEEKS);
        double[] counted = history.isEmpty() ? null : history.day(today);
        if (counted == null) {
            return java.util.Optional.empty();
        }
        for (LocalDate day : history.dates()) {
            if (!day.isBefore(today)) {
                history.remove(day);
            }
        }
        if (history.isEmpty()) {
            return java.util.Optional.empty();
        }
        Forecaster.DayForecast expected = Forecaster.forecast(history, closures(), today, 1).days().get(0);
        int minutes = properties.intervalMinutes();
        int ended = Intervals.minuteOfDay(local) / minutes;
        List<Double> actual = new ArrayList<>();
        List<Double> forecast = new ArrayList<>();
        for (int slot = 0; slot < ended; slot++) {
            actual.add(Double.isNaN(counted[slot]) ? 0 : counted[slot]);
            forecast.add(expected.counts() == null ? 0 : expected.counts()[slot]);
        }
        return java.util.Optional.of(new TodaySoFar(series, today, actual, forecast));
    }

    /** The agents per interval of the forecast days. */
    public Plan plan(SeriesKey series, StaffingGoal goal, Double ahtSeconds, int days) {
        ForecastView view = forecast(series, days);
        Double measured = ahtSeconds != null ? null : measuredAht(series);
        double aht = ahtSeconds != null ? ahtSeconds : measured != null ? measured : properties.defaultAhtSeconds();
        ZoneId zone = zone();
        int minutes = properties.intervalMinutes();
        List<PlanInterval> intervals = new ArrayList<>();
        for (Forecaster.DayForecast day : view.forecast().days()) {
            if (day.counts() == null) {
                continue;
            }
            for (ZonedDateTime start : Intervals.startsOf(day.date(), zone, minutes)) {
                double calls = day.counts()[Intervals.minuteOfDay(start) / minutes];
                if (calls <= 0) {
                    continue;
                }
                Workload workload = new Workload(calls, minutes * 60.0, aht);
                Staffed staffed = Staffing.required(workload, goal);
                var p = staffed.performance();
                double high80 = day.band().high80()[Intervals.minuteOfDay(start) / minutes];
                Integer atHigh80 = Double.isNaN(high80) ? null
                        : high80 <= calls ? staffed.scheduled() : Staffing.required(new Workload(high80, minutes * 60.0, aht), goal).scheduled();
                intervals.add(new PlanInterval(start, calls, workload.erlangs(), staffed.agents(), staffed.scheduled(), p.serviceLevel(),
                        Double.isInfinite(p.asaSeconds()) ? null : p.asaSeconds(), p.occupancy(),
                        p.modelsPatience() ? p.abandonProbability() : null, Double.isNaN(high80) ? null : high80, atHigh80));
            }
        }
        List<LocalDate> planned = view.forecast().days().stream().map(Forecaster.DayForecast::date).toList();
        return new Plan(series, view.forecast().method(), aht, ahtSeconds == null && measured != null, goal, intervals, planned);
    }

    /** The handle time of the last four weeks, weighted by handled contacts; null when no count carries one. */
    Double measuredAht(SeriesKey series) {
        Instant latest = volumes.latest(series);
        if (latest == null) {
            return null;
        }
        double seconds = 0;
        long handled = 0;
        for (Stored row : volumes.counts(series, latest.minus(java.time.Duration.ofDays(28)), latest.plusSeconds(1))) {
            if (row.ahtSeconds() != null && row.handled() != null && row.handled() > 0) {
                seconds += row.ahtSeconds() * row.handled();
                handled += row.handled();
            }
        }
        return handled == 0 ? null : seconds / handled;
    }
}
