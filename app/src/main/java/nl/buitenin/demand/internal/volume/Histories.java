package nl.buitenin.demand.internal.volume;

import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import nl.buitenin.demand.internal.forecast.History;

/** Turns rows of counts into a {@link History} per series, on the local clock. */
public final class Histories {

    private Histories() {
    }

    /** The longest interval that every row's local start time is a multiple of (5 for the bank's data). */
    public static int detectInterval(Collection<VolumeCsv.Row> rows) {
        int gcd = 0;
        for (VolumeCsv.Row row : rows) {
            gcd = gcd(gcd, Intervals.minuteOfDay(row.start()));
        }
        if (gcd == 0) {
            return 1440;
        }
        int interval = gcd;
        while (1440 % interval != 0) {
            interval--;
        }
        return Math.min(interval, 60);
    }

    public static Map<SeriesKey, History> bySeries(Collection<VolumeCsv.Row> rows, int intervalMinutes) {
        Map<SeriesKey, History> result = new LinkedHashMap<>();
        for (VolumeCsv.Row row : rows) {
            History history = result.computeIfAbsent(new SeriesKey(row.channel(), row.location()), k -> new History(intervalMinutes));
            ZonedDateTime start = row.start();
            history.add(start.toLocalDate(), Intervals.minuteOfDay(start), row.offered());
        }
        return result;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
