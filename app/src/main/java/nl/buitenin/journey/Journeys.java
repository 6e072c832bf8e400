package nl.buitenin.journey;

import java.util.List;
import java.util.Optional;

/** Reads journeys with their stages and touchpoints, in the order they were mapped. */
public interface Journeys {

    /** The journeys in use: archived journeys, stages and touchpoints are left out (pickers, the map by default). */
    List<Journey> all();

    /** Every journey, stage and touchpoint, the archived ones marked as such (history, the map's "show archived"). */
    List<Journey> allIncludingArchived();

    /** One journey with all its stages and touchpoints, archived or not. */
    Optional<Journey> byId(JourneyId id);
}
