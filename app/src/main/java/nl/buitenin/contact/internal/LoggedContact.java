package nl.buitenin.contact.internal;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import nl.buitenin.contact.ContactKind;

/** A message sent to a person, as the contact log holds it: when, what kind and, for an offer, its topic. */
public record LoggedContact(Instant at, ContactKind kind, @Nullable String topic) {
}
