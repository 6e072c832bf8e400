package nl.buitenin.contact;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import nl.buitenin.journey.TouchpointId;
import nl.buitenin.privacy.PersonKey;

/**
 * The answer to "may we invite (or remind) this person for this touchpoint now?" or "may we tell them
 * now what was done?": allowed only when no rule objects; {@code reasons} lists every objection, not
 * just the first.
 *
 * @param touchpoint    the touchpoint of an invitation or reminder; null for a told-back message
 * @param deferredUntil for a told-back message or a reminder held back only by quiet hours or a quiet day: the next
 *                      moment it may go out (both are tried again then); for an offer refused only by quiet hours or a
 *                      quiet day: the next moment the clock no longer objects (the offer stays refused, nothing is held;
 *                      the asker may ask again then); null otherwise
 * @param topic         what an offer is about; null for every other kind
 */
public record ContactDecision(UUID id, PersonKey person, @Nullable TouchpointId touchpoint, ContactKind kind, Instant at,
        List<Reason> reasons, @Nullable Instant deferredUntil, @Nullable String topic) {

    public ContactDecision {
        reasons = List.copyOf(reasons);
    }

    public ContactDecision(UUID id, PersonKey person, @Nullable TouchpointId touchpoint, ContactKind kind, Instant at,
            List<Reason> reasons, @Nullable Instant deferredUntil) {
        this(id, person, touchpoint, kind, at, reasons, deferredUntil, null);
    }

    public ContactDecision(UUID id, PersonKey person, @Nullable TouchpointId touchpoint, ContactKind kind, Instant at,
            List<Reason> reasons) {
        this(id, person, touchpoint, kind, at, reasons, null);
    }

    /** Not now, but later: only the clock objects, and {@link #deferredUntil()} says when it no longer does. */
    public boolean deferred() {
        return deferredUntil != null;
    }

    public boolean allowed() {
        return reasons.isEmpty();
    }

    public boolean deniedFor(ReasonCode code) {
        return reasons.stream().anyMatch(r -> r.code() == code);
    }
}
