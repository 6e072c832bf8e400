package nl.buitenin.readings.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
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
 * the quality of service by staff; each comment of a known person under service improvement. Each check runs in a
 * transaction of its own, so that a refusal (which is logged) does not roll back the rest of the reading.
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

    /** True for an anonymous comment; for a person's, whether service improvement allows reading it now (logged). */
    boolean mayReadComment(@Nullable PersonKey person, Instant writtenAt) {
        if (person == null) {
            return true;
        }
        // Answered, not thrown: no second connection for a transaction of its own (see textinsight's PurposeReads).
        Map<PersonKey, Instant> one = new HashMap<>();
        one.put(person, writtenAt);
        return purposes.allowed(PurposeId.SERVICE_IMPROVEMENT, one, COMMENT_READ).contains(person);
    }
}
