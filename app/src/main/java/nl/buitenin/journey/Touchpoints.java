package nl.buitenin.journey;

import java.util.List;
import java.util.Optional;

/** Reads touchpoints; other modules name a touchpoint only by its {@link TouchpointId}. */
public interface Touchpoints {

    Optional<Touchpoint> byId(TouchpointId id);

    List<Touchpoint> all();

    List<Touchpoint> ofJourney(JourneyId journey);
}
