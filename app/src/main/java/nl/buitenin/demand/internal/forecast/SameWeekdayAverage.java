package nl.buitenin.demand.internal.forecast;

import java.time.LocalDate;
import java.util.List;

/**
 * The average per interval of the same weekday over the last {@code weeks} weeks that have it: the
 * usual planners' baseline ("the last four Mondays").
 */
final class SameWeekdayAverage implements ForecastMethod {

    private final int weeks;

    public SameWeekdayAverage(int weeks) {
        if (weeks < 1) {
            throw new IllegalArgumentException("weeks must be 1 or more");
        }
        this.weeks = weeks;
    }

    @Override
    public String name() {
        return "weekday-average-" + weeks;
    }

    @Override
    public double[] forecast(History history, LocalDate origin, LocalDate day) {
        List<LocalDate> same = history.sameWeekdayBefore(origin, day.getDayOfWeek(), weeks);
        if (same.size() < weeks) {
            return null;
        }
        double[] result = new double[history.slotsPerDay()];
        for (LocalDate date : same) {
            Slots.addTo(result, Slots.zeroForMissing(history.day(date)), 1.0 / same.size());
        }
        return result;
    }
}
