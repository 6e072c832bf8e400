package nl.buitenin.textinsight.internal;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.PurposeGuard;
import nl.buitenin.privacy.PurposeId;
import nl.buitenin.privacy.PurposeRefusedException;

/**
 * Whether a known person's text may be read for service improvement (or, for search, complaint handling). Apart
 * from {@link TextReading} so that the analysis and the theme model's training (which reads texts analysed earlier)
 * ask the same question without depending on each other.
 */
@Component
class PurposeReads {

    private final PurposeGuard purposes;
    private final TransactionTemplate own;

    PurposeReads(PurposeGuard purposes, PlatformTransactionManager transactions) {
        this.purposes = purposes;
        this.own = new TransactionTemplate(transactions);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
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
        try {
            // In a transaction of its own: a refusal marks the transaction it runs in for rollback, and the caller's
            // (a listener's) must go on with the other texts of its batch.
            own.executeWithoutResult(s -> purposes.check(purpose, person, what, recordedAt));
            return true;
        } catch (PurposeRefusedException e) {
            return false;
        }
    }
}
