package nl.buitenin.assumptions;

import java.util.List;
import java.util.UUID;

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
     * The assumptions of a workshop, oldest first, each tested now against the data, the explanation in the language of
     * the current request (Dutch when there is none).
     */
    List<AssumptionResult> ofWorkshop(UUID workshop);
}
