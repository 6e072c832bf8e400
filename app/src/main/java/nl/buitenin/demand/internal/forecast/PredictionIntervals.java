package nl.buitenin.demand.internal.forecast;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * 80 % and 95 % prediction intervals from the method's own out-of-sample errors: the method forecasts
 * each of the last {@link #WEEKS} weeks from an origin as far back as the forecast day lies ahead
 * (0 weeks: from that week's Monday; 1 week: from the Monday before), and the band of an interval of the
 * day is made of the empirical quantiles of the errors (actual − forecast) of the intervals within half
 * an hour of it on those days. No distribution is assumed: call counts are skewed and over-dispersed,
 * and the quantiles follow that.
 */
public final class PredictionIntervals {

    /** Weeks of backtest errors behind a band: recent enough to follow the level, enough for a 2.5 % quantile. */
    public static final int WEEKS = 8;
    /** Fewer errors than this behind an interval of the day and it gets no band rather than a made-up one. */
    static final int MINIMUM_ERRORS = 40;
    private static final int POOLED_MINUTES = 30;

    private final int slotsPerDay;
    /** Per weeks ahead: the errors per slot of the day. */
    private final Map<Integer, List<List<Double>>> errors = new HashMap<>();

    private PredictionIntervals(int slotsPerDay) {
        this.slotsPerDay = slotsPerDay;
    }

    /** An interval around each slot's point forecast; NaN where there were too few errors. */
    public record Band(double[] low80, double[] high80, double[] low95, double[] high95) {
    }

    /** Collects the errors of {@code method} on the {@link #WEEKS} weeks before {@code origin}, for up to {@code weeksAhead} weeks ahead. */
    public static PredictionIntervals measure(History history, ForecastMethod method, LocalDate origin, int weeksAhead) {
        PredictionIntervals result = new PredictionIntervals(history.slotsPerDay());
        LocalDate from = origin.minusWeeks(WEEKS);
        for (int ahead = 0; ahead <= Math.max(0, weeksAhead); ahead++) {
            List<List<Double>> perSlot = new ArrayList<>();
            for (int slot = 0; slot < history.slotsPerDay(); slot++) {
                perSlot.add(new ArrayList<>());
            }
            for (LocalDate date : history.before(origin)) {
                if (date.isBefore(from)) {
                    continue;
                }
                LocalDate backtestOrigin = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(ahead);
                double[] forecast = method.forecast(history, backtestOrigin, date);
                if (forecast == null) {
                    continue;
                }
                double[] actual = history.day(date);
                for (int slot = 0; slot < actual.length; slot++) {
                    if (!Double.isNaN(actual[slot])) {
                        perSlot.get(slot).add(actual[slot] - forecast[slot]);
                    }
                }
            }
            result.errors.put(ahead, perSlot);
        }
        return result;
    }

    /** Weeks between the forecast origin and the day, as the bands are kept. */
    public static int weeksAhead(LocalDate origin, LocalDate date) {
        return (int) (ChronoUnit.DAYS.between(origin, date) / 7);
    }

    /** The band around a day's point forecast, {@code weeksAhead} weeks after the origin; counts never go below 0. */
    public Band band(int weeksAhead, double[] point) {
        List<List<Double>> perSlot = errors.get(Math.min(weeksAhead, errors.size() - 1));
        int reach = Math.max(0, POOLED_MINUTES / Math.max(1, 1440 / slotsPerDay));
        double[][] bounds = new double[4][point.length];
        Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        for (int slot = 0; slot < point.length; slot++) {
            List<Double> pooled = new ArrayList<>();
            for (int s = Math.max(0, slot - reach); s <= Math.min(point.length - 1, slot + reach); s++) {
                pooled.addAll(perSlot.get(s));
            }
            if (pooled.size() < MINIMUM_ERRORS) {
                for (double[] bound : bounds) {
                    bound[slot] = Double.NaN;
                }
                continue;
            }
            double[] values = pooled.stream().mapToDouble(Double::doubleValue).toArray();
            percentile.setData(values);
            bounds[0][slot] = Math.max(0, point[slot] + percentile.evaluate(10));
            bounds[1][slot] = Math.max(0, point[slot] + percentile.evaluate(90));
            bounds[2][slot] = Math.max(0, point[slot] + percentile.evaluate(2.5));
            bounds[3][slot] = Math.max(0, point[slot] + percentile.evaluate(97.5));
        }
        return new Band(bounds[0], bounds[1], bounds[2], bounds[3]);
    }
}
