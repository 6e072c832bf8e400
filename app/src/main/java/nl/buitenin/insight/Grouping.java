package nl.buitenin.insight;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** How a slice of scores is split over time; weeks start on Monday (ISO 8601). */
public enum Grouping {
    /** One figure for the whole period. */
    TOTAL,
    DAY,
    WEEK,
    MONTH;

    /** The first day of the period the day falls in; for TOTAL, the first day of the slice. */
    public LocalDate periodStart(LocalDate day, LocalDate sliceStart) {
        return switch (this) {
            case TOTAL -> sliceStart;
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }
}
