package nl.buitenin.journey;

import java.time.Instant;
import java.util.Objects;

import nl.buitenin.privacy.PersonKey;

/**
 * An interaction was recorded for the first time (a retried one is not published again). The contact
 * policy counts recent contacts from it; demand may derive volumes.
 *
 * @param person   the person, or null when the source did not know who it was
 * @param sourceId the id the sending system gave the interaction
 * @param kind     what happened; null only in events stored before the kind was part of the event, which
 *                 were contacts unless the sender said otherwise
 */
public record InteractionRecorded(TouchpointId touchpoint, PersonKey person, Instant at, String sourceId, InteractionKind kind) {

    public InteractionRecorded {
        Objects.requireNonNull(touchpoint, "touchpoint");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(sourceId, "sourceId");
    }
}
