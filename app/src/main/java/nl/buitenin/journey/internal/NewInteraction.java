package nl.buitenin.journey.internal;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import nl.buitenin.journey.InteractionKind;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.privacy.PersonKey;

/**
 * A valid interaction ready to be stored; {@code person}, {@code reason}, {@code reasonCode}, {@code staff} (the
 * pseudonymous reference of who served the person), {@code team} and {@code topic} may be null. The topic (a
 * destination, a product) is not stored in journey: it travels in {@link nl.buitenin.journey.InteractionsRecorded} to
 * the modules that keep interests.
 */
public record NewInteraction(String sourceId, TouchpointId touchpoint, Instant at, PersonKey person, InteractionKind kind,
        @Nullable String reason, @Nullable String reasonCode, @Nullable String staff, @Nullable String team, @Nullable String topic) {

    /** An interaction without a topic. */
    public NewInteraction(String sourceId, TouchpointId touchpoint, Instant at, PersonKey person, InteractionKind kind,
            @Nullable String reason, @Nullable String reasonCode, @Nullable String staff, @Nullable String team) {
        this(sourceId, touchpoint, at, person, kind, reason, reasonCode, staff, team, null);
    }

    /** An interaction without a reason. */
    public NewInteraction(String sourceId, TouchpointId touchpoint, Instant at, PersonKey person, InteractionKind kind) {
        this(sourceId, touchpoint, at, person, kind, null, null);
    }

    /** An interaction without staff and team. */
    public NewInteraction(String sourceId, TouchpointId touchpoint, Instant at, PersonKey person, InteractionKind kind,
            @Nullable String reason, @Nullable String reasonCode) {
        this(sourceId, touchpoint, at, person, kind, reason, reasonCode, null, null);
    }

    public NewInteraction {
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(touchpoint, "touchpoint");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
    }
}
