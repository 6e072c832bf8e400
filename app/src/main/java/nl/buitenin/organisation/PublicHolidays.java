package nl.buitenin.organisation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Dutch public holidays of a year, computed: Nieuwjaarsdag, Goede Vrijdag, Pasen (both days),
 * Koningsdag (27 April, or the Saturday before when it falls on a Sunday; Koninginnedag on 30 April
 * before 2014, the day before when on a Sunday), Bevrijdingsdag (5 May), Hemelvaartsdag, Pinksteren
 * (both days) and Kerst (both days). Goede Vrijdag and Bevrijdingsdag are not a day off for everyone;
 * they are listed because contact volumes differ on them. Used by demand (closed days of a forecast)
 * and by loop (SLA deadlines in working days); computed, so it needs no yearly upkeep.
 */
public final class PublicHolidays {

    private PublicHolidays() {
    }

    /** Holiday dates of a year with their Dutch names, in date order. */
    public static Map<LocalDate, String> of(int year) {
        LocalDate easter = easterSunday(year);
        Map<LocalDate, String> days = new TreeMap<>();
        days.put(LocalDate.of(year, Month.JANUARY, 1), "Nieuwjaarsdag");
        days.put(easter.minusDays(2), "Goede Vrijdag");
        days.put(easter, "Eerste Paasdag");
        days.put(easter.plusDays(1), "Tweede Paasdag");
        days.put(kingsDay(year), year >= 2014 ? "Koningsdag" : "Koninginnedag");
        days.put(LocalDate.of(year, Month.MAY, 5), "Bevrijdingsdag");
        days.put(easter.plusDays(39), "Hemelvaartsdag");
        days.put(easter.plusDays(49), "Eerste Pinksterdag");
        days.put(easter.plusDays(50), "Tweede Pinksterdag");
        days.put(LocalDate.of(year, Month.DECEMBER, 25), "Eerste Kerstdag");
        days.put(LocalDate.of(year, Month.DECEMBER, 26), "Tweede Kerstdag");
        return days;
    }

    public static boolean isHoliday(LocalDate date) {
        return of(date.getYear()).containsKey(date);
    }

    /**
     * Whether a date is a generally recognised holiday on which terms do not run, as listed in the
     * Algemene termijnenwet (art. 3): Nieuwjaarsdag, both days of Easter, Hemelvaartsdag, both days of
     * Pentecost, both days of Christmas, Koningsdag and 5 May. Goede Vrijdag is not one of them.
     */
    public static boolean isDayOff(LocalDate date) {
        String name = of(date.getYear()).get(date);
        return name != null && !name.equals("Goede Vrijdag");
    }

    /** Koningsdag: moved to the Saturday before when 27 April is a Sunday (Koninginnedag 30 April before 2014). */
    static LocalDate kingsDay(int year) {
        LocalDate day = year >= 2014 ? LocalDate.of(year, Month.APRIL, 27) : LocalDate.of(year, Month.APRIL, 30);
        return day.getDayOfWeek() == DayOfWeek.SUNDAY ? day.minusDays(1) : day;
    }

    /** Easter Sunday by the Anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
