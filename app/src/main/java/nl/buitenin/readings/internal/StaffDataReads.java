package nl.buitenin.readings.internal;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.PurposeGuard;
import nl.buitenin.privacy.PurposeId;
import nl.buitenin.privacy.PurposeRefusedException;
import nl.buitenin.privacy.StaffReads;

/**
 * The purpose checks of a gaming reading: the staff references and teams once per computation, under the purpose for
 * the quality of service by staff; the comments of known people under service improvement, once for all their
 * writers. The staff check runs in a transaction of its own, so that a refusal (which is logged) does not roll back the
 * rest of the reading; the comments' check answers instead of throwing, so it needs no transaction of its own.
 */
@Component
class StaffDataReads {

    /** As the access log names the reads (privacy.read.* texts in gaming_*.properties). */
    static final String STAFF_READ = "staff references and teams of answers, to read score gaming";
    static final String COMMENT_READ = "comment, to find requests for a score";

    private final PurposeGuard purposes;
    private final StaffReads staff;
    private final TransactionTemplate own;

    StaffDataReads(PurposeGuard purposes, StaffReads staff, PlatformTransactionManager transactions) {
        this.purposes = purposes;
        this.staff = staff;
        this.own = new TransactionTemplate(transactions);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Whether the staff purpose allows this computation's read of staff references and teams (logged once): the earliest
     * moment whose references may be read, or empty when refused.
     */
    Optional<Instant> staffReadableSince() {
        try {
            return Optional.of(own.execute(s -> staff.check(STAFF_READ)));
        } catch (PurposeRefusedException e) {
            return Optional.empty();
        }
    }

    /**
     * Of the people who wrote these comments (each with the moment of their earliest comment read), those whose comments
     * service improvement allows reading now: one batched check for the whole computation, each read or refusal logged
     * as for a single check, the same rule as text insight's reads. A person refused for their earliest comment (past
     * its retention) is not read at all in this computation.
     */
    Set<PersonKey> readableCommentWriters(Map<PersonKey, Instant> earliestComment) {
        return earliestComment.isEmpty() ? Set.of() : purposes.allowed(PurposeId.SERVICE_IMPROVEMENT, earliestComment, COMMENT_READ);
    }
}
