package nl.buitenin.journey.internal;

import java.time.Instant;
import java.util.Objects;

import nl.buitenin.journey.InteractionKind;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.privacy.PersonKey;

/** A valid interaction ready to be stored; {@code person} may be null. */
public record NewInteraction(String sourceId, TouchpointId touchpoint, Instant at, PersonKey person, InteractionKind kind) {

    public NewInteraction {
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(touchpoint, "touchpoint");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
    }
}
