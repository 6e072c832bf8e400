package nl.buitenin.workshop.internal;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A staff member who joined a workshop, and the department they picked; staffRef is null once erased. */
public record Participant(UUID id, UUID workshop, @Nullable String staffRef, String department, Instant joinedAt) {
}
