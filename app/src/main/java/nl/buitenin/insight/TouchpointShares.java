package nl.buitenin.insight;

import java.time.LocalDate;
import java.util.Map;

import nl.buitenin.journey.TouchpointId;

/**
 * A share another module counts per touchpoint, shown on the journey map with its n and 95 % interval (Wilson)
 * per touchpoint and per stage, hidden under the small-cell rule like every score. Modules that read what people
 * write or why they contact (negative comments, failure demand) implement it as a Spring bean; insight cannot
 * depend on them, so they come to the map rather than the map to them.
 */
public interface TouchpointShares {

    /** Message key of the share's name on the map, e.g. "Negatief" / "Negative" (never shown as a key). */
    String nameKey();

    /** Position among the shares on the map, lower first. */
    int order();

    /** Per touchpoint, the count with the property and the count read, for contacts or texts dated {@code from}..{@code to}. */
    Map<TouchpointId, ShareCount> count(LocalDate from, LocalDate to);
}
