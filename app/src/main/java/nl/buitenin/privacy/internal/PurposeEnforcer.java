package nl.buitenin.privacy.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.privacy.Consents;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.PurposeGuard;
import nl.buitenin.privacy.PurposeId;
import nl.buitenin.privacy.PurposeRefusedException;
import nl.buitenin.privacy.PurposeRefusedException.Reason;

/**
 * Purpose limitation: decides whether a purpose allows a read of a person's data and logs every read
 * and every refusal. Refusals are logged in a transaction of their own, so the record of a refused
 * attempt survives the exception that rolls back the caller.
 */
@Service
class PurposeEnforcer implements PurposeGuard {

    private final Purposes purposes;
    private final Consents consents;
    private final AccessLog log;
    private final Actors actors;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final RefusalLog refusals;

    PurposeEnforcer(Purposes purposes, Consents consents, AccessLog log, Actors actors, JdbcClient jdbc, Clock clock,
            RefusalLog refusals) {
        this.purposes = purposes;
        this.consents = consents;
        this.log = log;
        this.actors = actors;
        this.jdbc = jdbc;
        this.clock = clock;
        this.refusals = refusals;
    }

    @Override
    @Transactional
    public void check(PurposeId purpose, PersonKey person, String what) {
        check(purpose, person, what, null);
    }

    @Override
    @Transactional
    public void check(PurposeId purpose, PersonKey person, String what, Instant recordedAt) {
        String actor = actors.current();
        Optional<PurposeRefusedException> refusal = decide(purpose, person, recordedAt);
        if (refusal.isPresent()) {
            refusals.record(actor, purpose, person, what, refusal.get().reason().name());
            throw refusal.get();
        }
        log.record(actor, purpose, person, what, null);
    }

    @Override
    @Transactional
    public Set<PersonKey> allowed(PurposeId purpose, Map<PersonKey, Instant> recordedAt, String what) {
        String actor = actors.current();
        Set<PersonKey> allowed = new LinkedHashSet<>();
        recordedAt.forEach((person, at) -> {
            Optional<PurposeRefusedException> refusal = decide(purpose, person, at);
            // Nothing is thrown, so nothing rolls back: a refusal is logged in this transaction like a read.
            log.record(actor, purpose, person, what, refusal.map(r -> r.reason().name()).orElse(null));
            if (refusal.isEmpty()) {
                allowed.add(person);
            }
        });
        return allowed;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean mayUse(PurposeId purpose, PersonKey person) {
        return decide(purpose, person, null).isEmpty();
    }

    /** Empty when the purpose allows the read; otherwise the refusal with its reason. */
    public Optional<PurposeRefusedException> decide(PurposeId id, PersonKey person, Instant recordedAt) {
        Optional<Purpose> found = purposes.find(id);
        if (found.isEmpty()) {
            return refuse(id, Reason.UNKNOWN_PURPOSE, "not in the processing register");
        }
        Purpose purpose = found.get();
        if (purpose.retired()) {
            return refuse(id, Reason.RETIRED_PURPOSE, "retired from the processing register");
        }
        if (!purpose.personalData()) {
            return refuse(id, Reason.NO_PERSONAL_DATA, "this purpose processes no personal data");
        }
        Instant cutoff = cutoff(purpose);
        Instant dataFrom = recordedAt != null ? recordedAt : lastActivity(person);
        if (dataFrom != null && dataFrom.isBefore(cutoff)) {
            return refuse(id, Reason.RETENTION_PASSED, "the data is older than the retention of "
                    + purpose.retentionMonths() + " months");
        }
        if (purpose.needsConsent() && !consents.isGiven(person, id)) {
            return refuse(id, Reason.NO_CONSENT, "rests on consent, which the person has not given");
        }
        return Optional.empty();
    }

    /** The moment before which data held for the purpose is past its retention. */
    public Instant cutoff(Purpose purpose) {
        return ZonedDateTime.now(clock).minus(purpose.retention()).toInstant();
    }

    private Instant lastActivity(PersonKey person) {
        return jdbc.sql("select last_activity_at from privacy_person where person_key = :person")
                .param("person", person.value())
                .query((rs, row) -> Purposes.instant(rs, "last_activity_at")).optional().orElse(null);
    }

    private static Optional<PurposeRefusedException> refuse(PurposeId id, Reason reason, String message) {
        return Optional.of(new PurposeRefusedException(id, reason, message));
    }

    /** Writes refusals outside the caller's transaction, which the refusal rolls back. */
    @Service
    static class RefusalLog {

        private final AccessLog log;

        RefusalLog(AccessLog log) {
            this.log = log;
        }

        @Transactional(propagation = Propagation.REQUIRES_NEW)
        public void record(String actor, PurposeId purpose, PersonKey person, String what, String reason) {
            log.record(actor, purpose, person, what, reason);
        }
    }
}
