package nl.buitenin.demand.internal.forecast;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Forecasts a series for the coming days with the method that did best in its own recent backtest.
 */
public final class Forecaster {

    /** The baseline every forecast is measured against: the last four same weekdays. */
    public static final ForecastMethod BASELINE = new SameWeekdayAverage(4);

    /** The candidates, from the simplest to the model of daily and weekly seasonality. */
    public static final List<ForecastMethod> METHODS = List.of(new SeasonalNaive(), BASELINE,
            new WeekdayIntervalProfile(12, 4, false), new WeekdayIntervalProfile(12, 4, true));

    private Forecaster() {
    }

    /** A forecast of one day: counts per slot with their prediction intervals (null when closed), or the reason it is closed. */
    public record DayForecast(LocalDate date, double[] counts, String closedBecause, PredictionIntervals.Band band) {

        public double total() {
            return counts == null ? 0 : Slots.sum(counts);
        }
    }

    public record Forecast(String method, int intervalMinutes, List<DayForecast> days) {
    }

    /** The history without closed days, which would teach the methods that an ordinary Monday can be empty. */
    public static History openDaysOnly(History history, Closures closures) {
        History result = new History(history.intervalMinutes());
        for (LocalDate date : history.dates()) {
            if (closures.reason(date).isEmpty()) {
                double[] slots = history.day(date);
                for (int slot = 0; slot < slots.length; slot++) {
                    if (!Double.isNaN(slots[slot])) {
                        result.add(date, slot * history.intervalMinutes(), slots[slot]);
                    }
                }
            }
        }
        return result;
    }

    /**
     * Forecasts {@code days} calendar days from {@code from}, with every day before {@code from} as history.
     * A weekday on which the series had no contacts in the last four weeks is taken to be closed.
     */
    public static Forecast forecast(History raw, Closures closures, LocalDate from, int days) {
        History history = openDaysOnly(raw, closures);
        if (history.isEmpty()) {
            throw new IllegalArgumentException("there is no history to forecast from");
        }
        ForecastMethod method = Backtest.choose(history, METHODS, BASELINE, 4);
        PredictionIntervals intervals = PredictionIntervals.measure(history, method, from, PredictionIntervals.weeksAhead(from, from.plusDays(days - 1L)));
        List<DayForecast> result = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            LocalDate date = from.plusDays(i);
            Optional<String> closed = closures.reason(date);
            if (closed.isPresent()) {
                result.add(new DayForecast(date, null, closed.get(), null));
                continue;
            }
            if (!openOn(history, from, date.getDayOfWeek())) {
                result.add(new DayForecast(date, null, null, null));
                continue;
            }
            LocalDate origin = from;
            double[] counts = method.forecast(history, origin, date);
            if (counts == null) {
                counts = firstAvailable(history, origin, date);
            }
            result.add(new DayForecast(date, counts, null, intervals.band(PredictionIntervals.weeksAhead(from, date), counts)));
        }
        return new Forecast(method.name(), history.intervalMinutes(), result);
    }

    private static boolean openOn(History history, LocalDate from, DayOfWeek weekday) {
        LocalDate since = from.minusWeeks(4);
        return history.sameWeekdayBefore(from, weekday, 4).stream()
                .anyMatch(d -> !d.isBefore(since) && history.total(d) > 0);
    }

    /** With too little history for the chosen method, the simplest one that has an answer. */
    private static double[] firstAvailable(History history, LocalDate origin, LocalDate date) {
        for (ForecastMethod method : List.of(BASELINE, new SameWeekdayAverage(1))) {
            double[] counts = method.forecast(history, origin, date);
            if (counts != null) {
                return counts;
            }
        }
        return new double[history.slotsPerDay()];
    }

    /** The Monday of the week of {@code date}. */
    public static LocalDate weekStart(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
