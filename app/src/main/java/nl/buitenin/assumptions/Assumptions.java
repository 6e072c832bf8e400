package nl.buitenin.assumptions;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.buitenin.journey.JourneyId;

/** Assumptions for other modules: a workshop hands over the assumptions its participants wrote and shows which held. */
public interface Assumptions {

    /**
     * Stores a new assumption, without a test yet (an analyst chooses one); refused with the field named when the
     * statement or department is missing or too long, or the journey or touchpoint is unknown.
     *
     * @return the new assumption's id
     */
    UUID propose(NewAssumption assumption);

    /**
     * Marks the assumption with this statement on the journey, written outside any workshop, as the workshop's, so that
     * a workshop note that says the same is linked to it instead of making a second one (the demo's history, where the
     * assumptions were written before the workshop's notes); empty when there is none.
     */
    Optional<UUID> adopt(String statement, JourneyId journey, UUID workshop);

    /**
     * The assumptions of a workshop, oldest first, each tested now against the data, the explanation in the language of
     * the current request (Dutch when there is none).
     */
    List<AssumptionResult> ofWorkshop(UUID workshop);
}
