package nl.buitenin.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Dates and times as a reader writes them, in the reader's language and the organisation's time zone: "4 december
 * 2026, 14:05" in Dutch, "December 4, 2026, 14:05" in English; never an ISO date on a page. Every page has one as
 * {@code ${dates}} ({@code ${dates.dateTime(c.openedAt)}}); a missing moment is a dash.
 */
public final class ReadableDates {

    private static final String NONE = "–";

    private final DateTimeFormatter date;
    private final DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm");
    private final ZoneId zone;

    private ReadableDates(Locale locale, ZoneId zone) {
        this.zone = zone;
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
    }

    public static ReadableDates of(Locale locale, ZoneId zone) {
        return new ReadableDates(locale, zone);
    }

    /** "4 december 2026". */
    public String date(@Nullable Instant at) {
        return at == null ? NONE : date.format(at.atZone(zone));
    }

    /** "4 december 2026" for a day of the calendar. */
    public String day(@Nullable LocalDate day) {
        return day == null ? NONE : date.format(day);
    }

    /** "4 december 2026, 14:05". */
    public String dateTime(@Nullable Instant at) {
        return at == null ? NONE : date.format(at.atZone(zone)) + ", " + time.format(at.atZone(zone));
    }

    /**
     * A moment still to come, as short as it is clear: "09:00" when it falls on the same day as {@code now}, else
     * "5 december 2026, 09:00" (for "scheduled for 09:00").
     */
    public String moment(@Nullable Instant at, Instant now) {
        if (at == null) {
            return NONE;
        }
        return at.atZone(zone).toLocalDate().equals(now.atZone(zone).toLocalDate()) ? time.format(at.atZone(zone)) : dateTime(at);
    }
}
