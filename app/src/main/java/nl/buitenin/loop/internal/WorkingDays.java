package nl.buitenin.loop.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import nl.buitenin.organisation.PublicHolidays;

/**
 * SLA deadlines in working days in the organisation's time zone: Monday to Friday, except the Dutch
 * public holidays on which terms do not run ({@link PublicHolidays#isDayOff}: Koningsdag, Easter
 * Monday, Christmas and the others of the Algemene termijnenwet). A case opened on any day is due at the
 * end of the n-th working day after that day, so a complaint on Friday evening with 2 working days is
 * due at the end of Tuesday, and at the end of Wednesday when that Monday is Easter Monday. The
 * organisation has no closing days of its own (yet), so holidays are the only days off besides weekends.
 */
final class WorkingDays {

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
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !PublicHolidays.isDayOff(day);
    }
}
