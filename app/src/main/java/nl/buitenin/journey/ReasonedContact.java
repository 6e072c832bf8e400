package nl.buitenin.journey;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import nl.buitenin.privacy.PersonKey;

/**
 * A contact with the reason the person gave (free text: personal data, read under a purpose), for reading repeated
 * contacts about the same matter.
 *
 * @param person who made contact, or null when the source did not know
 */
public record ReasonedContact(String sourceId, TouchpointId touchpoint, @Nullable PersonKey person, Instant at, String reason) {
}
