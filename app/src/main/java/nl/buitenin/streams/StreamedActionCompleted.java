package nl.buitenin.streams;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An improvement action is done, as published on the stream (topic {@code buitenin.actions.completed}, keyed by
 * {@code organisation}: an action addresses themes, not one journey). Its title and description stay inside.
 *
 * @param actionId    the action's id
 * @param themes      the ids of the themes it addressed, sorted
 * @param completedAt when it was completed
 */
public record StreamedActionCompleted(UUID actionId, List<UUID> themes, Instant completedAt) {

    public StreamedActionCompleted {
        themes = List.copyOf(themes);
    }
}
