package nl.buitenin.demand.internal.forecast;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * A rolling-origin backtest: each held-out week is forecast from the days before its Monday only (the
 * way a planner forecasts next week), for every method. The method is chosen on the weeks just before
 * the held-out weeks, so the held-out figures measure the choice as well as the method.
 */
public final class Backtest {

    private Backtest() {
    }

    /**
     * @param chosen     the method with the lowest MAE on the selection weeks
     * @param heldOut    accuracy of every method on the held-out weeks, best first
     * @param selection  accuracy of every method on the selection weeks
     * @param baseline   the method the others are compared with
     * @param improvement paired comparison of the chosen method with the baseline on the held-out weeks
     */
    public record Report(String chosen, List<Accuracy> heldOut, List<Accuracy> selection, String baseline,
            Improvement improvement, LocalDate heldOutFrom, LocalDate heldOutTo) {

        public Accuracy heldOut(String method) {
            return heldOut.stream().filter(a -> a.method().equals(method)).findFirst().orElseThrow();
        }
    }

    /**
     * The chosen method's MAE reduction against the baseline on held-out days: in %, with a 95 % t interval
     * over the days' paired differences.
     */
    public record Improvement(double percent, double low, double high, int days) {
    }

    public static Report run(History history, List<ForecastMethod> methods, ForecastMethod baseline, int heldOutWeeks,
            int selectionWeeks) {
        LocalDate lastMonday = history.last().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate heldOutFrom = lastMonday.minusWeeks(heldOutWeeks - 1L);
        LocalDate selectionFrom = heldOutFrom.minusWeeks(selectionWeeks);
        Map<String, List<DayErrors>> selection = errors(history, methods, selectionFrom, heldOutFrom);
        Map<String, List<DayErrors>> heldOut = errors(history, methods, heldOutFrom, history.last().plusDays(1));
        List<Accuracy> selectionAccuracy = summarise(selection);
        String chosen = selectionAccuracy.isEmpty() ? baseline.name() : selectionAccuracy.get(0).method();
        List<Accuracy> heldOutAccuracy = summarise(heldOut);
        if (heldOutAccuracy.isEmpty()) {
            throw new IllegalArgumentException("the history is too short for a backtest of " + heldOutWeeks + " held-out weeks after "
                    + selectionWeeks + " selection weeks; it runs from " + history.first() + " to " + history.last());
        }
        Improvement improvement = improvement(heldOut.get(chosen), heldOut.get(baseline.name()));
        return new Report(chosen, heldOutAccuracy, selectionAccuracy, baseline.name(), improvement, heldOutFrom, history.last());
    }

    /** Chooses the method for a series without reporting: the lowest MAE over the last weeks. */
    public static ForecastMethod choose(History history, List<ForecastMethod> methods, ForecastMethod fallback, int weeks) {
        LocalDate lastMonday = history.last().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate from = lastMonday.minusWeeks(weeks - 1L);
        List<Accuracy> accuracy = summarise(errors(history, methods, from, history.last().plusDays(1)));
        if (accuracy.isEmpty()) {
            return fallback;
        }
        return methods.stream().filter(m -> m.name().equals(accuracy.get(0).method())).findFirst().orElse(fallback);
    }

    /** Absolute and squared errors of one day. */
    record DayErrors(LocalDate date, double absolute, double squared, double percent, int intervals, int percentIntervals) {
        double mae() {
            return absolute / intervals;
        }
    }

    private static Map<String, List<DayErrors>> errors(History history, List<ForecastMethod> methods, LocalDate from, LocalDate to) {
        Map<String, List<DayErrors>> result = new LinkedHashMap<>();
        for (ForecastMethod method : methods) {
            List<DayErrors> days = new ArrayList<>();
            for (LocalDate date : history.dates()) {
                if (date.isBefore(from) || !date.isBefore(to)) {
                    continue;
                }
                LocalDate origin = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                double[] forecast = method.forecast(history, origin, date);
                if (forecast == null) {
                    // A method without enough history takes no part; all must cover the same days to compare.
                    days = null;
                    break;
                }
                DayErrors errors = compare(date, forecast, history.day(date));
                if (errors.intervals() > 0) {
                    days.add(errors);
                }
            }
            if (days != null && !days.isEmpty()) {
                result.put(method.name(), days);
            }
        }
        return result;
    }

    private static DayErrors compare(LocalDate date, double[] forecast, double[] actual) {
        double absolute = 0;
        double squared = 0;
        double percent = 0;
        int intervals = 0;
        int percentIntervals = 0;
        for (int i = 0; i < actual.length; i++) {
            if (Double.isNaN(actual[i])) {
                continue;
            }
            double error = forecast[i] - actual[i];
            absolute += Math.abs(error);
            squared += error * error;
            intervals++;
            if (actual[i] != 0) {
                percent += Math.abs(error) / Math.abs(actual[i]);
                percentIntervals++;
            }
        }
        return new DayErrors(date, absolute, squared, percent, intervals, percentIntervals);
    }

    private static List<Accuracy> summarise(Map<String, List<DayErrors>> errors) {
        List<Accuracy> result = new ArrayList<>();
        errors.forEach((method, days) -> {
            double absolute = 0;
            double squared = 0;
            double percent = 0;
            long intervals = 0;
            long percentIntervals = 0;
            double[] dailyMae = new double[days.size()];
            for (int i = 0; i < days.size(); i++) {
                DayErrors day = days.get(i);
                absolute += day.absolute();
                squared += day.squared();
                percent += day.percent();
                intervals += day.intervals();
                percentIntervals += day.percentIntervals();
                dailyMae[i] = day.mae();
            }
            double[] interval = meanInterval(dailyMae);
            result.add(new Accuracy(method, absolute / intervals, Math.sqrt(squared / intervals),
                    percentIntervals == 0 ? Double.NaN : 100 * percent / percentIntervals, intervals, days.size(), interval[0],
                    interval[1]));
        });
        result.sort(Comparator.comparingDouble(Accuracy::mae));
        return result;
    }

    private static Improvement improvement(List<DayErrors> chosen, List<DayErrors> baseline) {
        if (chosen == null || baseline == null) {
            return null;
        }
        Map<LocalDate, DayErrors> byDate = new LinkedHashMap<>();
        baseline.forEach(d -> byDate.put(d.date(), d));
        List<Double> differences = new ArrayList<>();
        double baselineAbsolute = 0;
        double chosenAbsolute = 0;
        for (DayErrors day : chosen) {
            DayErrors other = byDate.get(day.date());
            if (other != null) {
                // Share of the baseline's error that the chosen method avoids on this day, weighted by intervals.
                differences.add(other.mae() - day.mae());
                baselineAbsolute += other.absolute();
                chosenAbsolute += day.absolute();
            }
        }
        double[] values = differences.stream().mapToDouble(Double::doubleValue).toArray();
        double[] interval = meanInterval(values);
        double meanBaselineDailyMae = baseline.stream().mapToDouble(DayErrors::mae).average().orElse(Double.NaN);
        double percent = 100 * (baselineAbsolute - chosenAbsolute) / baselineAbsolute;
        // The interval is of the mean daily difference, expressed as a share of the baseline's mean daily MAE.
        return new Improvement(percent, 100 * interval[0] / meanBaselineDailyMae, 100 * interval[1] / meanBaselineDailyMae,
                values.length);
    }

    /** 95 % t interval of a mean. */
    static double[] meanInterval(double[] values) {
        int n = values.length;
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= n;
        if (n < 2) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        double half = new TDistribution(n - 1).inverseCumulativeProbability(0.975) * Math.sqrt(ss / (n - 1) / n);
        return new double[] {mean - half, mean + half};
    }
}
