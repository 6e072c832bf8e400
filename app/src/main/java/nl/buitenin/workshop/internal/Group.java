package nl.buitenin.workshop.internal;

import java.util.UUID;

/** A named group of notes, made by the facilitator. */
public record Group(UUID id, int position, String name) {
}
