package nl.buitenin.assumptions;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import nl.buitenin.journey.JourneyId;
import nl.buitenin.journey.TouchpointId;

/**
 * An assumption as staff write it: the statement in their own words, the department that holds it, who owns it (a
 * username, who sees its result), the journey and optionally the touchpoint it is about, and the workshop it came
 * from, if any.
 */
public record NewAssumption(String statement, String department, @Nullable String owner, JourneyId journey,
        @Nullable TouchpointId touchpoint, @Nullable UUID workshop) {
}
