package nl.buitenin.groups.internal;

import java.time.Instant;

import nl.buitenin.privacy.PersonKey;

/** What is known about a person from a moment on (until a later value of the same attribute), such as "pace = brisk". */
public record Attribute(PersonKey person, String name, String value, Instant from, String sourceId) {
}
