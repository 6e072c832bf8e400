package nl.buitenin.workshop.internal;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import nl.buitenin.journey.StageId;
import nl.buitenin.journey.TouchpointId;

/**
 * A note on the board, on a stage or on one of its touchpoints.
 *
 * @param staffRef      the author's user name; null when the facilitator of an anonymous workshop closed it, or erased
 * @param department    the department the author joined for; null for the facilitator's own notes
 * @param group         the facilitator's group it is in, or null
 * @param assumptionRef the record that tests this assumption, once handed over
 */
public record Item(UUID id, UUID workshop, StageId stage, @Nullable TouchpointId touchpoint, ItemKind kind, String text,
        @Nullable String staffRef, @Nullable String department, @Nullable UUID group, @Nullable UUID assumptionRef,
        Instant createdAt, Instant changedAt) {
}
