package nl.buitenin.privacy.internal;

import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.privacy.PurposeId;
import nl.buitenin.privacy.PurposeRefusedException;
import nl.buitenin.privacy.PurposeRefusedException.Reason;
import nl.buitenin.privacy.StaffReads;

/**
 * Staff references per staff member are read only under {@link PurposeId#SERVICE_QUALITY_STAFF}: one access-log entry
 * per computation (no person key: the entry is about staff), a refusal logged in a transaction of its own.
 */
@Service
class StaffReadGuard implements StaffReads {

    private final Purposes purposes;
    private final PurposeEnforcer enforcer;
    private final AccessLog log;
    private final PurposeEnforcer.RefusalLog refusals;
    private final Actors actors;

    StaffReadGuard(Purposes purposes, PurposeEnforcer enforcer, AccessLog log, PurposeEnforcer.RefusalLog refusals, Actors actors) {
        this.purposes = purposes;
        this.enforcer = enforcer;
        this.log = log;
        this.refusals = refusals;
        this.actors = actors;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean mayRead() {
        return mayRead(PurposeId.SERVICE_QUALITY_STAFF);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean mayRead(PurposeId purpose) {
        return refusal(purpose).isEmpty();
    }

    @Override
    @Transactional
    public Instant check(String what) {
        return check(PurposeId.SERVICE_QUALITY_STAFF, what);
    }

    @Override
    @Transactional
    public Instant check(PurposeId purposeId, String what) {
        String actor = actors.current();
        Optional<PurposeRefusedException> refusal = refusal(purposeId);
        if (refusal.isPresent()) {
            refusals.record(actor, purposeId, null, what, refusal.get().reason().name());
            throw refusal.get();
        }
        log.record(actor, purposeId, null, what, null);
        Purpose purpose = purposes.find(purposeId).orElseThrow();
        // A purpose without a retention period keeps its data until the officer sets one.
        return purpose.retention() == null ? Instant.EPOCH : enforcer.cutoff(purpose);
    }

    private Optional<PurposeRefusedException> refusal(PurposeId purpose) {
        Optional<Purpose> found = purposes.find(purpose);
        if (found.isEmpty()) {
            return Optional.of(new PurposeRefusedException(purpose, Reason.UNKNOWN_PURPOSE,
                    "not in the processing register"));
        }
        if (found.get().retired()) {
            return Optional.of(new PurposeRefusedException(purpose, Reason.RETIRED_PURPOSE,
                    "retired from the processing register"));
        }
        return Optional.empty();
    }
}
