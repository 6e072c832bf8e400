package nl.buitenin.groups.internal.planning;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import nl.buitenin.groups.GroupId;

/**
 * A guide's preferences: the pace they like (none: either), the languages they guide in (the first is the one they
 * prefer), the topics they like to tell about, the groups they like to guide (none: any) and the days of the week they
 * are available. Known only by their pseudonymous staff reference.
 */
public record Guide(String staffRef, @Nullable Pace pace, List<String> languages, List<String> topics, Set<GroupId> groups,
        Set<DayOfWeek> days) {

    public Guide {
        languages = List.copyOf(languages);
        topics = List.copyOf(topics);
        groups = Set.copyOf(groups);
        days = Set.copyOf(days);
    }
}
