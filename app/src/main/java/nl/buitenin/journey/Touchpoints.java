package nl.buitenin.journey;

import java.util.List;
import java.util.Optional;

/** Reads touchpoints; other modules name a touchpoint only by its {@link TouchpointId}. */
public interface Touchpoints {

    /** Any touchpoint, archived or not, so that history naming it stays readable. */
    Optional<Touchpoint> byId(TouchpointId id);

    /** The touchpoints in use, for pickers: archived ones (or those in an archived stage or journey) are left out. */
    List<Touchpoint> all();

    /** Every touchpoint, archived ones included. */
    List<Touchpoint> allIncludingArchived();

    /** The touchpoints in use of one journey. */
    List<Touchpoint> ofJourney(JourneyId journey);
}
