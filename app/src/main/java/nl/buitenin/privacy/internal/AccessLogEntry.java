package nl.buitenin.privacy.internal;

import java.time.Instant;
import java.util.UUID;

import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.PurposeId;

/**
 * One read of personal data (or a refused attempt, when {@code refusal} is set).
 *
 * @param person null once the person has been forgotten or the entry is past retention
 */
public record AccessLogEntry(UUID id, Instant at, String actor, PurposeId purpose, PersonKey person, String what,
        String refusal) {

    public boolean refused() {
        return refusal != null;
    }
}
