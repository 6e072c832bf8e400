package nl.buitenin.groups.internal.planning;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import nl.buitenin.groups.GroupId;

/**
 * A trip (or shift) of a group on a date that needs guides: how many, the language they must speak, the pace the group
 * walks at and the trip's topic (both optional), and the guides the planner put on it so far (the current assignment,
 * possibly empty).
 */
public record Trip(UUID id, String sourceId, GroupId group, LocalDate date, String name, int needed, String language,
        @Nullable Pace pace, @Nullable String topic, List<String> current) {

    public Trip {
        current = List.copyOf(current);
    }
}
