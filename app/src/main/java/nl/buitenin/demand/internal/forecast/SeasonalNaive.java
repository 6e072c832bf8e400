package nl.buitenin.demand.internal.forecast;

import java.time.LocalDate;
import java.util.List;

/** The same weekday of the most recent week: the simplest forecast that knows about weekdays. */
final class SeasonalNaive implements ForecastMethod {

    @Override
    public String name() {
        return "seasonal-naive";
    }

    @Override
    public double[] forecast(History history, LocalDate origin, LocalDate day) {
        List<LocalDate> last = history.sameWeekdayBefore(origin, day.getDayOfWeek(), 1);
        return last.isEmpty() ? null : Slots.zeroForMissing(history.day(last.get(0)));
    }
}
