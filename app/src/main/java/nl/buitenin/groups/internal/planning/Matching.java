package nl.buitenin.groups.internal.planning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Assigns guides to trips. Hard constraints: a guide is available on the trip's day of the week, speaks its language,
 * and guides at most one trip a day. Since that last constraint is per day, the days are independent and each day is
 * one exact minimum-cost assignment ({@link Hungarian}): a row per place on a trip (a trip needing two guides has two),
 * a column per guide and one "left open" column per place. A forbidden pair costs more than leaving the place open, and
 * leaving a place open costs more than every mismatch of the day together, so the result first fills as many places as
 * possible and then, among those assignments, has the least total mismatch.
 */
public final class Matching {

    private Matching() {
    }

    /** The assignment with the most places filled and, among those, the least total mismatch. */
    public static Plan optimal(List<Trip> trips, List<Guide> guides) {
        List<Guide> ordered = guides.stream().sorted(Comparator.comparing(Guide::staffRef)).toList();
        Map<UUID, List<String>> pairs = new LinkedHashMap<>();
        for (List<Trip> day : byDay(trips).values()) {
            List<Trip> slots = new ArrayList<>();
            for (Trip trip : day) {
                for (int k = 0; k < trip.needed(); k++) {
                    slots.add(trip);
                }
            }
            int rows = slots.size();
            int columns = ordered.size() + rows;
            long open = (long) Mismatch.MAX * rows + 1;
            long forbidden = 2 * open;
            long[][] cost = new long[rows][columns];
            for (int r = 0; r < rows; r++) {
                Trip trip = slots.get(r);
                for (int g = 0; g < ordered.size(); g++) {
                    Guide guide = ordered.get(g);
                    cost[r][g] = Mismatch.feasible(guide, trip) ? Mismatch.between(guide, trip).total() : forbidden;
                }
                for (int c = ordered.size(); c < columns; c++) {
                    cost[r][c] = open;
                }
            }
            int[] chosen = Hungarian.assign(cost);
            for (int r = 0; r < rows; r++) {
                if (chosen[r] < ordered.size()) {
                    pairs.computeIfAbsent(slots.get(r).id(), id -> new ArrayList<>()).add(ordered.get(chosen[r]).staffRef());
                }
            }
        }
        return withShortages(trips, guides, pairs);
    }

    /**
     * The naive assignment a planner might make by hand: trips by date and name, each place to the first guide (by staff
     * reference) who is available that day, speaks the language and is not yet on a trip that day.
     */
    public static Plan firstFree(List<Trip> trips, List<Guide> guides) {
        List<Guide> ordered = guides.stream().sorted(Comparator.comparing(Guide::staffRef)).toList();
        Map<UUID, List<String>> pairs = new LinkedHashMap<>();
        Set<String> busy = new HashSet<>();
        for (Trip trip : Plan.sorted(trips)) {
            List<String> on = new ArrayList<>();
            for (Guide guide : ordered) {
                if (on.size() == trip.needed()) {
                    break;
                }
                if (Mismatch.feasible(guide, trip) && busy.add(trip.date() + " " + guide.staffRef())) {
                    on.add(guide.staffRef());
                }
            }
            pairs.put(trip.id(), on);
        }
        return withShortages(trips, guides, pairs);
    }

    /** The plan of the given pairs, with for each trip that keeps open places the reason in numbers. */
    private static Plan withShortages(List<Trip> trips, List<Guide> guides, Map<UUID, List<String>> pairs) {
        Plan plan = Plan.of(trips, guides, pairs);
        List<Plan.TripPlan> explained = new ArrayList<>();
        for (Plan.TripPlan tripPlan : plan.trips()) {
            Trip trip = tripPlan.trip();
            if (tripPlan.open() == 0) {
                explained.add(tripPlan);
                continue;
            }
            int available = (int) guides.stream().filter(g -> g.days().contains(trip.date().getDayOfWeek())).count();
            int speaking = (int) guides.stream().filter(g -> Mismatch.feasible(g, trip)).count();
            explained.add(new Plan.TripPlan(trip, tripPlan.guides(), new Plan.Shortage(tripPlan.open(), speaking, available)));
        }
        return new Plan(explained);
    }

    private static Map<LocalDate, List<Trip>> byDay(List<Trip> trips) {
        Map<LocalDate, List<Trip>> days = new TreeMap<>();
        for (Trip trip : Plan.sorted(trips)) {
            days.computeIfAbsent(trip.date(), d -> new ArrayList<>()).add(trip);
        }
        return days;
    }
}
