package nl.buitenin.privacy.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.privacy.PersonErased;
import nl.buitenin.privacy.PersonalDataErasure;
import nl.buitenin.privacy.PersonalDataTable;
import nl.buitenin.privacy.PersonKey;

/**
 * Forgets a person (GDPR art. 17): deletes their contact details, customer id, preferences and
 * consents, keeps only the fact that an erasure happened, and publishes {@link PersonErased} in the
 * same transaction so every module removes and scrubs what it holds.
 */
@Service
public class Erasure implements PersonalDataErasure {

    private final JdbcPersons persons;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Erasure(JdbcPersons persons, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.persons = persons;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** The person row goes, and with it (on delete cascade) their consents and the history of them. */
    @Override
    public List<PersonalDataTable> erases() {
        return List.of(PersonalDataTable.keyed("privacy_person", "person_key"), PersonalDataTable.keyed("privacy_consent", "person_key"),
                PersonalDataTable.keyed("privacy_consent_change", "person_key"));
    }

    /**
     * @param requestedVia how it was asked for: "own-page", "privacy-officer", "api", "retention"
     * @return false when nothing was held on the person
     */
    @Transactional
    public boolean erase(PersonKey person, String requestedVia) {
        List<String> identifiers = persons.identifiers(person);
        if (identifiers.isEmpty()) {
            return false;
        }
        // Consents and their history go with the person row (on delete cascade).
        jdbc.sql("delete from privacy_person where person_key = :key").param("key", person.value()).update();
        Instant now = clock.instant();
        jdbc.sql("insert into privacy_erasure_log (id, erased_at, requested) values (:id, :at, :via)")
                .param("id", UUID.randomUUID()).param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .param("via", requestedVia).update();
        events.publishEvent(new PersonErased(person, identifiers, now));
        return true;
    }

    public long erasuresSince(Instant since) {
        return jdbc.sql("select count(*) from privacy_erasure_log where erased_at >= :since")
                .param("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC)).query(Long.class).single();
    }
}
