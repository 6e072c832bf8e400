package nl.buitenin.demand.internal.volume;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Intervals of 15 or 30 minutes on the organisation's clock. A day is walked in real (UTC) time from
 * its local start to the next day's local start, so the day the clocks go forward has 92 quarters and
 * the day they go back 100.
 */
public final class Intervals {

    private Intervals() {
    }

    /** Whether intervals of this length are supported: a quarter or a half hour. */
    public static boolean supported(int minutes) {
        return minutes == 15 || minutes == 30;
    }

    /** The start of the interval holding {@code moment}, on the local clock (keeping its offset in the repeated hour). */
    public static ZonedDateTime floor(ZonedDateTime moment, int minutes) {
        int minuteOfDay = moment.getHour() * 60 + moment.getMinute();
        int start = minuteOfDay - minuteOfDay % minutes;
        // withHour/withMinute keep the current offset when it is valid, so 02:40+01:00 on the day the clocks
        // go back floors to 02:30+01:00, not to the first 02:30+02:00.
        return moment.withHour(start / 60).withMinute(start % 60).withSecond(0).withNano(0);
    }

    /** Every interval start of a local day, in order. */
    public static List<ZonedDateTime> startsOf(LocalDate date, ZoneId zone, int minutes) {
        ZonedDateTime start = date.atStartOfDay(zone);
        ZonedDateTime end = date.plusDays(1).atStartOfDay(zone);
        List<ZonedDateTime> starts = new ArrayList<>();
        for (ZonedDateTime t = start; t.isBefore(end); t = t.plusMinutes(minutes)) {
            starts.add(t);
        }
        return starts;
    }

    /** Minutes since local midnight on the wall clock (the repeated hour shares its slots). */
    public static int minuteOfDay(ZonedDateTime moment) {
        return moment.getHour() * 60 + moment.getMinute();
    }
}
