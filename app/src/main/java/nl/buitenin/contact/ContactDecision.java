package nl.buitenin.contact;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import nl.buitenin.journey.TouchpointId;
import nl.buitenin.privacy.PersonKey;

/**
 * The answer to "may we invite (or remind) this person for this touchpoint now?": allowed only when
 * no rule objects; {@code reasons} lists every objection, not just the first.
 */
public record ContactDecision(UUID id, PersonKey person, TouchpointId touchpoint, ContactKind kind, Instant at, List<Reason> reasons) {

    public ContactDecision {
        reasons = List.copyOf(reasons);
    }

    public boolean allowed() {
        return reasons.isEmpty();
    }

    public boolean deniedFor(ReasonCode code) {
        return reasons.stream().anyMatch(r -> r.code() == code);
    }
}
