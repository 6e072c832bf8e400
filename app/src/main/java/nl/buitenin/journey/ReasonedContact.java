package nl.buitenin.journey;

import java.time.Instant;

/**
 * A person's contact with the reason they gave (free text: personal data, read under a purpose), for reading
 * repeated contacts about the same matter.
 */
public record ReasonedContact(String sourceId, TouchpointId touchpoint, Instant at, String reason) {
}
