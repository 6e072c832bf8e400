package nl.buitenin.demand;

import java.util.List;

/**
 * Records contact counts. Other modules (such as {@code journey}, once it counts its interactions)
 * send their counts here.
 */
public interface ContactVolumes {

    /**
     * Stores the counts in one transaction: either all are valid and each is stored unless already
     * present (same source id, or same channel, location and interval), or nothing is stored and the
     * {@link nl.buitenin.platform.InvalidInputException} names every wrong item as {@code volumes[i].field}.
     */
    Recorded record(List<ContactVolume> volumes);

    /** How many counts came in, were new, and were already there (a retry). */
    record Recorded(int received, int inserted, int alreadyPresent) {
    }
}
