package nl.buitenin.journey;

import java.util.List;
import java.util.Optional;

/** Reads journeys with their stages and touchpoints, in the order they were mapped. */
public interface Journeys {

    List<Journey> all();

    Optional<Journey> byId(JourneyId id);
}
