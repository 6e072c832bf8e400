package nl.buitenin.listening;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import nl.buitenin.journey.TouchpointId;
import nl.buitenin.privacy.PersonKey;

/** A completed response without its answers: who (null when anonymous), where and when. */
public record AnsweredResponse(UUID response, @Nullable PersonKey person, @Nullable TouchpointId touchpoint, Instant completedAt) {
}
