package nl.buitenin.demand.internal.forecast;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Contact counts of one series (one channel at one location) per local day and interval of the day.
 * A slot without a recorded count is NaN: the centre was closed or nothing was measured, which is not
 * the same as a measured zero and is left out of accuracy figures.
 */
public final class History {

    private final int intervalMinutes;
    private final NavigableMap<LocalDate, double[]> days = new TreeMap<>();

    public History(int intervalMinutes) {
        if (intervalMinutes <= 0 || 1440 % intervalMinutes != 0) {
            throw new IllegalArgumentException("the interval must divide a day, got " + intervalMinutes + " minutes");
        }
        this.intervalMinutes = intervalMinutes;
    }

    public int intervalMinutes() {
        return intervalMinutes;
    }

    public int slotsPerDay() {
        return 1440 / intervalMinutes;
    }

    /** Adds a count to the slot that holds {@code minuteOfDay}; two counts in one slot are summed. */
    public void add(LocalDate date, int minuteOfDay, double count) {
        double[] slots = days.computeIfAbsent(date, d -> empty());
        int slot = minuteOfDay / intervalMinutes;
        slots[slot] = Double.isNaN(slots[slot]) ? count : slots[slot] + count;
    }

    public void remove(LocalDate date) {
        days.remove(date);
    }

    public boolean isEmpty() {
        return days.isEmpty();
    }

    public List<LocalDate> dates() {
        return List.copyOf(days.keySet());
    }

    public LocalDate first() {
        return days.firstKey();
    }

    public LocalDate last() {
        return days.lastKey();
    }

    public double[] day(LocalDate date) {
        double[] slots = days.get(date);
        return slots == null ? null : slots.clone();
    }

    /** Days before {@code origin}, most recent first. */
    public List<LocalDate> before(LocalDate origin) {
        List<LocalDate> result = new ArrayList<>(days.headMap(origin, false).keySet());
        Collections.reverse(result);
        return result;
    }

    /** The last {@code count} days before {@code origin} on the given weekday, most recent first. */
    public List<LocalDate> sameWeekdayBefore(LocalDate origin, DayOfWeek weekday, int count) {
        List<LocalDate> result = new ArrayList<>();
        for (LocalDate date : days.headMap(origin, false).descendingKeySet()) {
            if (date.getDayOfWeek() == weekday) {
                result.add(date);
                if (result.size() == count) {
                    break;
                }
            }
        }
        return result;
    }

    /** Sum of the recorded counts of a day (NaN slots count as nothing). */
    public double total(LocalDate date) {
        double sum = 0;
        for (double value : days.get(date)) {
            if (!Double.isNaN(value)) {
                sum += value;
            }
        }
        return sum;
    }

    /** The same counts in longer intervals, such as 5-minute counts summed into quarters. */
    public History coarsened(int minutes) {
        if (minutes % intervalMinutes != 0) {
            throw new IllegalArgumentException(minutes + " is not a multiple of " + intervalMinutes);
        }
        History result = new History(minutes);
        days.forEach((date, slots) -> {
            for (int slot = 0; slot < slots.length; slot++) {
                if (!Double.isNaN(slots[slot])) {
                    result.add(date, slot * intervalMinutes, slots[slot]);
                }
            }
        });
        return result;
    }

    private double[] empty() {
        double[] slots = new double[slotsPerDay()];
        Arrays.fill(slots, Double.NaN);
        return slots;
    }
}
