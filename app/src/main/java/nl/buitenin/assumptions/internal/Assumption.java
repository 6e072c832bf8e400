package nl.buitenin.assumptions.internal;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import nl.buitenin.journey.JourneyId;
import nl.buitenin.journey.TouchpointId;

/** An assumption as stored, with its test (null until an analyst chooses one) and the last outcome (null until tested). */
public record Assumption(UUID id, String statement, String department, @Nullable String owner, JourneyId journey,
        @Nullable TouchpointId touchpoint, @Nullable UUID workshop, Instant createdAt, @Nullable AssumptionTest test,
        @Nullable Outcome outcome) {
}
