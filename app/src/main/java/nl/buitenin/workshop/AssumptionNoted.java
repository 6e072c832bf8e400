package nl.buitenin.workshop;

import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import nl.buitenin.journey.JourneyId;
import nl.buitenin.journey.StageId;
import nl.buitenin.journey.TouchpointId;

/**
 * Published when a participant puts an assumption on a workshop's board ("Bellen om te boeken scoort een 8 of hoger"),
 * so that a module that tests assumptions against the data can take it over; it links its own record back with
 * {@link AssumptionNotes#link}.
 *
 * @param stageId      the stage the note is on
 * @param touchpointId the touchpoint, or null for a note on the stage as a whole
 * @param text         the statement as written
 * @param department   the department the author joined for; null when the facilitator wrote it
 */
public record AssumptionNoted(UUID workshopId, UUID itemId, JourneyId journeyId, @Nullable StageId stageId,
        @Nullable TouchpointId touchpointId, String text, @Nullable String department) {

    public AssumptionNoted {
        Objects.requireNonNull(workshopId, "workshopId");
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(journeyId, "journeyId");
        Objects.requireNonNull(text, "text");
    }
}
