package nl.buitenin.privacy.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
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
        Map<PersonKey, Optional<PurposeRefusedException>> decided = decideAll(purpose, recordedAt);
        Set<PersonKey> allowed = new LinkedHashSet<>();
        Map<PersonKey, String> logged = new LinkedHashMap<>();
        decided.forEach((person, refusal) -> {
            // Nothing is thrown, so nothing rolls back: a refusal is logged in this transaction like a read.
            logged.put(person, refusal.map(r -> r.reason().name()).orElse(null));
            if (refusal.isEmpty()) {
                allowed.add(person);
            }
        });
        log.recordAll(actor, purpose, logged, what);
        return allowed;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean mayUse(PurposeId purpose, PersonKey person) {
        return decide(purpose, person, null).isEmpty();
    }

    /** Empty when the purpose allows the read; otherwise the refusal with its reason. */
    public Optional<PurposeRefusedException> decide(PurposeId id, PersonKey person, Instant recordedAt) {
        Map<PersonKey, Instant> one = new HashMap<>();
        one.put(person, recordedAt);
        return decideAll(id, one).get(person);
    }

    /**
     * {@link #decide} for each of these people (each with the moment their data was recorded, or null for their last
     * activity), in the order given: the purpose is found once, and the last activities and consents are read for all of
     * them at once, so that a batch of thousands of people costs a few statements instead of a few per person.
     */
    Map<PersonKey, Optional<PurposeRefusedException>> decideAll(PurposeId id, Map<PersonKey, Instant> recordedAt) {
        Map<PersonKey, Optional<PurposeRefusedException>> decided = new LinkedHashMap<>();
        Optional<Purpose> found = purposes.find(id);
        Optional<PurposeRefusedException> refusedForAll = found.isEmpty()
                ? refuse(id, Reason.UNKNOWN_PURPOSE, "not in the processing register")
                : found.get().retired() ? refuse(id, Reason.RETIRED_PURPOSE, "retired from the processing register")
                : !found.get().personalData() ? refuse(id, Reason.NO_PERSONAL_DATA, "this purpose processes no personal data")
                : Optional.empty();
        if (refusedForAll.isPresent()) {
            recordedAt.keySet().forEach(person -> decided.put(person, refusedForAll));
            return decided;
        }
        Purpose purpose = found.get();
        Instant cutoff = cutoff(purpose);
        Map<PersonKey, Instant> lastActivity = lastActivity(recordedAt.entrySet().stream()
                .filter(e -> e.getValue() == null).map(Map.Entry::getKey).toList());
        List<PersonKey> withinRetention = new ArrayList<>();
        recordedAt.forEach((person, at) -> {
            Instant dataFrom = at != null ? at : lastActivity.get(person);
            if (dataFrom != null && dataFrom.isBefore(cutoff)) {
                decided.put(person, refuse(id, Reason.RETENTION_PASSED, "the data is older than the retention of "
                        + purpose.retentionMonths() + " months"));
            } else {
                decided.put(person, Optional.empty());
                withinRetention.add(person);
            }
        });
        if (purpose.needsConsent() && !withinRetention.isEmpty()) {
            Set<PersonKey> consented = consents.givenAmong(withinRetention, id);
            withinRetention.stream().filter(person -> !consented.contains(person)).forEach(person -> decided.put(person,
                    refuse(id, Reason.NO_CONSENT, "rests on consent, which the person has not given")));
        }
        return decided;
    }

    /** The moment before which data held for the purpose is past its retention. */
    public Instant cutoff(Purpose purpose) {
        return ZonedDateTime.now(clock).minus(purpose.retention()).toInstant();
    }

    /** The last activity of each of these people that has one (a person unknown to privacy has none). */
    private Map<PersonKey, Instant> lastActivity(List<PersonKey> persons) {
        Map<PersonKey, Instant> last = new HashMap<>();
        List<String> keys = persons.stream().filter(java.util.Objects::nonNull).map(PersonKey::value).distinct().toList();
        for (int start = 0; start < keys.size(); start += JdbcConsents.SLICE) {
            jdbc.sql("select person_key, last_activity_at from privacy_person where person_key in (:persons)")
                    .param("persons", new ArrayList<>(keys.subList(start, Math.min(keys.size(), start + JdbcConsents.SLICE))))
                    .query((rs, row) -> {
                        Instant at = Purposes.instant(rs, "last_activity_at");
                        if (at != null) {
                            last.put(new PersonKey(rs.getString(1)), at);
                        }
                        return at;
                    }).list();
        }
        return last;
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
