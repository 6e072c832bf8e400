package nl.buitenin.groups.internal.planning;

import java.util.ArrayList;
import java.util.List;

/**
 * How badly a guide fits a trip, in points: pace differs from the group's pace on the trip ({@value #PACE}), the trip's
 * topic is not one the guide listed ({@value #TOPIC}), the group is not one the guide listed ({@value #GROUP}), the
 * trip's language is not the guide's first language ({@value #LANGUAGE}). A preference the guide did not state costs
 * nothing. The weights say that walking at the wrong pace all day is worse than telling about another topic.
 */
public record Mismatch(int pace, int topic, int group, int language) {

    public static final int PACE = 3;
    public static final int TOPIC = 2;
    public static final int GROUP = 1;
    public static final int LANGUAGE = 1;
    /** The most a pair can cost. */
    static final int MAX = PACE + TOPIC + GROUP + LANGUAGE;

    public static Mismatch between(Guide guide, Trip trip) {
        int pace = guide.pace() != null && trip.pace() != null && guide.pace() != trip.pace() ? PACE : 0;
        int topic = trip.topic() != null && !guide.topics().isEmpty()
                && guide.topics().stream().noneMatch(t -> t.equalsIgnoreCase(trip.topic())) ? TOPIC : 0;
        int group = !guide.groups().isEmpty() && !guide.groups().contains(trip.group()) ? GROUP : 0;
        int language = !guide.languages().isEmpty() && !guide.languages().get(0).equals(trip.language()) ? LANGUAGE : 0;
        return new Mismatch(pace, topic, group, language);
    }

    /** Hard constraints: the guide is available on the trip's day of the week and speaks its language. */
    public static boolean feasible(Guide guide, Trip trip) {
        return guide.days().contains(trip.date().getDayOfWeek()) && guide.languages().contains(trip.language());
    }

    public int total() {
        return pace + topic + group + language;
    }

    /** The message keys of what does not fit, for the page ("tempo", "onderwerp", ...). */
    public List<String> reasonKeys() {
        List<String> keys = new ArrayList<>();
        if (pace > 0) {
            keys.add("groups.planning.mismatch.pace");
        }
        if (topic > 0) {
            keys.add("groups.planning.mismatch.topic");
        }
        if (group > 0) {
            keys.add("groups.planning.mismatch.group");
        }
        if (language > 0) {
            keys.add("groups.planning.mismatch.language");
        }
        return keys;
    }
}
