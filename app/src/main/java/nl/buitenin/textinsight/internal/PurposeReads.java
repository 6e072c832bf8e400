package nl.buitenin.textinsight.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.PurposeGuard;
import nl.buitenin.privacy.PurposeId;

/**
 * Whether a known person's text may be read for service improvement (or, for search, complaint handling). Apart
 * from {@link TextReading} so that the analysis and the theme model's training (which reads texts analysed earlier)
 * ask the same question without depending on each other.
 * <p>
 * Every question goes through {@link PurposeGuard#allowed}, which answers a refusal instead of throwing it, in the
 * caller's transaction. A throwing check would mark that transaction for rollback, so it had to run in a transaction
 * of its own, on a second connection, with a third for its refusal log. Listeners run that on every pool thread at
 * once: with every connection held by a listener waiting for another one, the pool ran dry and everyone waited
 * for its 30-second timeout (seen in CI as "Failed to obtain JDBC Connection").
 */
@Component
class PurposeReads {

    private final PurposeGuard purposes;

    PurposeReads(PurposeGuard purposes) {
        this.purposes = purposes;
    }

    /** True for an anonymous text; for a person's, whether the purpose allows the read now (and the read is logged). */
    boolean mayRead(@Nullable PersonKey person, String what, Instant recordedAt) {
        return mayRead(PurposeId.SERVICE_IMPROVEMENT, person, what, recordedAt);
    }

    /**
     * Of these people (each with the moment of their earliest text to read), those whose texts may be read for service
     * improvement now: one batched check in one transaction, each read or refusal logged as for a single check.
     */
    Set<PersonKey> allowed(Map<PersonKey, Instant> recordedAt, String what) {
        return recordedAt.isEmpty() ? Set.of() : purposes.allowed(PurposeId.SERVICE_IMPROVEMENT, recordedAt, what);
    }

    /** The same for another purpose (search reads case texts for complaint handling). */
    boolean mayRead(PurposeId purpose, @Nullable PersonKey person, String what, Instant recordedAt) {
        if (person == null) {
            return true;
        }
        Map<PersonKey, Instant> one = new HashMap<>();
        one.put(person, recordedAt);
        return purposes.allowed(purpose, one, what).contains(person);
    }
}
