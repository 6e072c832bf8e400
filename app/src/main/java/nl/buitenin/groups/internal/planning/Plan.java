package nl.buitenin.groups.internal.planning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An assignment of guides to trips with its mismatch: per trip the guides put on it, each with their mismatch, and how
 * many places stay open; a pair that breaks a hard constraint (not available that day, not speaking the language, on
 * two trips that day) is a violation, counted apart from the mismatch.
 */
public record Plan(List<TripPlan> trips) {

    public Plan {
        trips = List.copyOf(trips);
    }

    /** One guide on one trip. */
    public record Placement(String staffRef, Mismatch mismatch, @Nullable Violation violation) {
    }

    public enum Violation {
        NOT_AVAILABLE,
        LANGUAGE,
        TWICE_THAT_DAY,
        UNKNOWN_GUIDE;

        public String messageKey() {
            return "groups.planning.violation." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** Why places of a trip stay open in the best assignment. */
    public record Shortage(int open, int speaking, int available) {
    }

    public record TripPlan(Trip trip, List<Placement> guides, @Nullable Shortage shortage) {

        public TripPlan {
            guides = List.copyOf(guides);
        }

        public int open() {
            return Math.max(0, trip.needed() - guides.size());
        }

        public int mismatch() {
            return guides.stream().mapToInt(p -> p.mismatch().total()).sum();
        }
    }

    public int mismatch() {
        return trips.stream().mapToInt(TripPlan::mismatch).sum();
    }

    public int open() {
        return trips.stream().mapToInt(TripPlan::open).sum();
    }

    public int placed() {
        return trips.stream().mapToInt(t -> t.guides().size()).sum();
    }

    public long violations() {
        return trips.stream().flatMap(t -> t.guides().stream()).filter(p -> p.violation() != null).count();
    }

    /** The plan's pairs, trip id to staff references. */
    public Map<UUID, List<String>> pairs() {
        Map<UUID, List<String>> pairs = new LinkedHashMap<>();
        trips.forEach(t -> pairs.put(t.trip().id(), t.guides().stream().map(Placement::staffRef).toList()));
        return pairs;
    }

    /**
     * The plan that puts the given guides on each trip (such as the planner's current assignment), with each pair's
     * mismatch and violations. Trips are listed by date and name.
     */
    public static Plan of(List<Trip> trips, List<Guide> guides, Map<UUID, List<String>> pairs) {
        Map<String, Guide> byRef = new HashMap<>();
        guides.forEach(g -> byRef.put(g.staffRef(), g));
        Set<String> busy = new HashSet<>();
        List<TripPlan> plans = new ArrayList<>();
        for (Trip trip : sorted(trips)) {
            List<Placement> placements = new ArrayList<>();
            for (String ref : pairs.getOrDefault(trip.id(), List.of())) {
                Guide guide = byRef.get(ref);
                if (guide == null) {
                    placements.add(new Placement(ref, new Mismatch(0, 0, 0, 0), Violation.UNKNOWN_GUIDE));
                    continue;
                }
                Violation violation = !guide.days().contains(trip.date().getDayOfWeek()) ? Violation.NOT_AVAILABLE
                        : !guide.languages().contains(trip.language()) ? Violation.LANGUAGE
                        : !busy.add(trip.date() + " " + ref) ? Violation.TWICE_THAT_DAY : null;
                placements.add(new Placement(ref, Mismatch.between(guide, trip), violation));
            }
            plans.add(new TripPlan(trip, placements, null));
        }
        return new Plan(plans);
    }

    static List<Trip> sorted(List<Trip> trips) {
        return trips.stream().sorted(Comparator.comparing(Trip::date).thenComparing(Trip::name).thenComparing(Trip::sourceId)).toList();
    }
}
