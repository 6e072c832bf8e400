package nl.buitenin.loop;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import nl.buitenin.journey.TouchpointId;
import nl.buitenin.privacy.PersonKey;

/** A case was opened (published once per case, not for a repeated source). Person and touchpoint may be null. */
public record CaseOpened(CaseId caseId, CaseSource source, CaseType type, @Nullable PersonKey person,
        @Nullable TouchpointId touchpoint,
        Instant deadline, Instant at) {
}
