package nl.buitenin.demand.internal.forecast;

import java.time.LocalDate;
import java.util.List;

/**
 * A multiplicative model of the daily and weekly seasonality: a day's count in interval i is its
 * expected daily total times the weekday's share of the day that falls in interval i.
 *
 * <ul>
 * <li>Daily total: the mean daily total of the last {@code levelWeeks} weeks (all open days), times the
 * weekday's effect: its mean total over the last {@code shapeWeeks} weeks divided by the mean of all
 * days in those weeks. A short window follows the trend; a long one estimates the weekday effect.</li>
 * <li>Intraday shape: the weekday's share per interval, averaged over its last {@code shapeWeeks}
 * occurrences and smoothed with the neighbouring intervals (weights 1-2-1), because the shape changes
 * slowly while a single interval's count is noisy (roughly Poisson).</li>
 * </ul>
 * Averaging shares over twelve weeks removes most of the noise that a four-week average keeps, which is
 * where this model gains on the baseline. Smoothing helps short intervals (5 minutes) and blurs long ones
 * (a 1-2-1 kernel over quarters spans 45 minutes), so both variants compete in the backtest.
 */
final class WeekdayIntervalProfile implements ForecastMethod {

    private final int shapeWeeks;
    private final int levelWeeks;
    private final boolean smooth;

    public WeekdayIntervalProfile(int shapeWeeks, int levelWeeks, boolean smooth) {
        if (shapeWeeks < 1 || levelWeeks < 1) {
            throw new IllegalArgumentException("weeks must be 1 or more");
        }
        this.shapeWeeks = shapeWeeks;
        this.levelWeeks = levelWeeks;
        this.smooth = smooth;
    }

    @Override
    public String name() {
        return smooth ? "interval-profile-smoothed" : "interval-profile";
    }

    @Override
    public double[] forecast(History history, LocalDate origin, LocalDate day) {
        List<LocalDate> sameWeekday = history.sameWeekdayBefore(origin, day.getDayOfWeek(), shapeWeeks);
        if (sameWeekday.size() < Math.min(shapeWeeks, 4)) {
            return null;
        }
        double[] shape = shape(history, sameWeekday);
        if (smooth) {
            shape = smoothed(shape, seen(history, sameWeekday));
        }
        double total = recentDailyTotal(history, origin, levelWeeks) * weekdayEffect(history, origin, sameWeekday);
        double[] result = new double[shape.length];
        for (int i = 0; i < shape.length; i++) {
            result[i] = total * shape[i];
        }
        return result;
    }

    private static double[] shape(History history, List<LocalDate> days) {
        double[] shape = new double[history.slotsPerDay()];
        int used = 0;
        for (LocalDate date : days) {
            double total = history.total(date);
            if (total > 0) {
                Slots.addTo(shape, Slots.zeroForMissing(history.day(date)), 1 / total);
                used++;
            }
        }
        for (int i = 0; i < shape.length; i++) {
            shape[i] = used == 0 ? 0 : shape[i] / used;
        }
        return shape;
    }

    /** Slots with a recorded count on any of the days: smoothing does not leak into closed hours. */
    private static boolean[] seen(History history, List<LocalDate> days) {
        boolean[] seen = new boolean[history.slotsPerDay()];
        for (LocalDate date : days) {
            double[] slots = history.day(date);
            for (int i = 0; i < slots.length; i++) {
                seen[i] |= !Double.isNaN(slots[i]);
            }
        }
        return seen;
    }

    static double[] smoothed(double[] shape, boolean[] seen) {
        double[] result = new double[shape.length];
        for (int i = 0; i < shape.length; i++) {
            if (!seen[i]) {
                continue;
            }
            double weighted = 2 * shape[i];
            double weights = 2;
            if (i > 0 && seen[i - 1]) {
                weighted += shape[i - 1];
                weights++;
            }
            if (i + 1 < shape.length && seen[i + 1]) {
                weighted += shape[i + 1];
                weights++;
            }
            result[i] = weighted / weights;
        }
        // Smoothing moves a little volume between intervals; keep the day's shares summing to one.
        double sum = Slots.sum(result);
        double original = Slots.sum(shape);
        if (sum > 0) {
            for (int i = 0; i < result.length; i++) {
                result[i] *= original / sum;
            }
        }
        return result;
    }

    private static double recentDailyTotal(History history, LocalDate origin, int weeks) {
        LocalDate from = origin.minusWeeks(weeks);
        double sum = 0;
        int count = 0;
        for (LocalDate date : history.before(origin)) {
            if (date.isBefore(from)) {
                break;
            }
            sum += history.total(date);
            count++;
        }
        return count == 0 ? 0 : sum / count;
    }

    private double weekdayEffect(History history, LocalDate origin, List<LocalDate> sameWeekday) {
        LocalDate from = sameWeekday.get(sameWeekday.size() - 1);
        double all = 0;
        int allCount = 0;
        for (LocalDate date : history.before(origin)) {
            if (date.isBefore(from)) {
                break;
            }
            all += history.total(date);
            allCount++;
        }
        double weekday = 0;
        for (LocalDate date : sameWeekday) {
            weekday += history.total(date);
        }
        double allMean = all / allCount;
        return allMean == 0 ? 0 : (weekday / sameWeekday.size()) / allMean;
    }
}
