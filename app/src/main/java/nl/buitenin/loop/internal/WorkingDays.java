package nl.buitenin.loop.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * SLA deadlines in working days (Monday to Friday) in the organisation's time zone. A case opened on
 * any day is due at the end of the n-th working day after that day, so a complaint on Friday evening
 * with 2 working days is due at the end of Tuesday. Public holidays are not yet counted as days off.
 */
public final class WorkingDays {

    private WorkingDays() {
    }

    public static Instant deadline(Instant opened, int workingDays, ZoneId zone) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("working days must be 0 or more: " + workingDays);
        }
        LocalDate day = opened.atZone(zone).toLocalDate();
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        // The end of the day is the start of the next one: correct on daylight-saving days too.
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }

    static boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}
