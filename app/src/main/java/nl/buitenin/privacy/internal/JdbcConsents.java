package nl.buitenin.privacy.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.platform.Slices;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.NotFoundException;
import nl.buitenin.privacy.ConsentChange;
import nl.buitenin.privacy.Consents;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.PurposeId;

/** Consent per person per purpose: the current state, and every change in the history. */
@Repository
public class JdbcConsents implements Consents {

    private final JdbcClient jdbc;
    private final Purposes purposes;
    private final Clock clock;

    JdbcConsents(JdbcClient jdbc, Purposes purposes, Clock clock) {
        this.jdbc = jdbc;
        this.purposes = purposes;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean isGiven(PersonKey person, PurposeId purpose) {
        return givenAmong(List.of(person), purpose).contains(person);
    }

    @Override
    @Transactional(readOnly = true)
    public Set<PersonKey> givenAmong(Collection<PersonKey> persons, PurposeId purpose) {
        Set<PersonKey> given = new HashSet<>();
        List<String> keys = persons.stream().map(PersonKey::value).distinct().toList();
        // In slices: one statement per few hundred people, and no database's limit on the size of an in-list is reached.
        for (List<String> slice : Slices.of(keys, SLICE)) {
            jdbc.sql("select person_key from privacy_consent where purpose_id = :purpose and given = true and person_key in (:persons)")
                    .param("purpose", purpose.value()).param("persons", slice)
                    .query((rs, row) -> given.add(new PersonKey(rs.getString(1)))).list();
        }
        return given;
    }

    /** How many people one statement reads at most. */
    static final int SLICE = 500;

    @Override
    @Transactional
    public void give(PersonKey person, PurposeId purpose, String channel) {
        change(person, purpose, true, channel);
    }

    @Override
    @Transactional
    public void withdraw(PersonKey person, PurposeId purpose, String channel) {
        change(person, purpose, false, channel);
    }

    @Override
    @Transactional(readOnly = true)
    public List<ConsentChange> history(PersonKey person) {
        return jdbc.sql("select purpose_id, given, changed_at, channel from privacy_consent_change where person_key = :person "
                + "order by changed_at, id").param("person", person.value())
                .query((rs, row) -> new ConsentChange(new PurposeId(rs.getString(1)), rs.getBoolean(2),
                        Purposes.instant(rs, "changed_at"), rs.getString(4)))
                .list();
    }

    /** The current state per purpose the person ever answered. */
    @Transactional(readOnly = true)
    public List<ConsentChange> current(PersonKey person) {
        return jdbc.sql("select purpose_id, given, changed_at, channel from privacy_consent where person_key = :person "
                + "order by purpose_id").param("person", person.value())
                .query((rs, row) -> new ConsentChange(new PurposeId(rs.getString(1)), rs.getBoolean(2),
                        Purposes.instant(rs, "changed_at"), rs.getString(4)))
                .list();
    }

    private void change(PersonKey person, PurposeId purpose, boolean given, String channel) {
        String via = channel == null || channel.isBlank() ? "unknown" : channel.strip();
        if (via.length() > 32) {
            throw InvalidInputException.of("channel", "privacy.invalid.atMost", 32);
        }
        Purpose registered = purposes.find(purpose)
                .orElseThrow(() -> InvalidInputException.of("purpose", "privacy.invalid.unregistered", purpose));
        if (registered.retired() && given) {
            throw InvalidInputException.of("purpose", "privacy.invalid.retired", purpose);
        }
        Integer exists = jdbc.sql("select count(*) from privacy_person where person_key = :person")
                .param("person", person.value()).query(Integer.class).single();
        if (exists == 0) {
            throw new NotFoundException("privacy.thing.person", person.value());
        }
        Boolean current = jdbc.sql("select given from privacy_consent where person_key = :person and purpose_id = :purpose")
                .param("person", person.value()).param("purpose", purpose.value()).query(Boolean.class).optional().orElse(null);
        if (current != null && current == given || current == null && !given) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        int updated = jdbc.sql("update privacy_consent set given = :given, changed_at = :now, channel = :channel "
                + "where person_key = :person and purpose_id = :purpose")
                .param("given", given).param("now", now).param("channel", via)
                .param("person", person.value()).param("purpose", purpose.value()).update();
        if (updated == 0) {
            jdbc.sql("insert into privacy_consent (person_key, purpose_id, given, changed_at, channel) "
                    + "values (:person, :purpose, :given, :now, :channel)")
                    .param("person", person.value()).param("purpose", purpose.value()).param("given", given)
                    .param("now", now).param("channel", via).update();
        }
        jdbc.sql("insert into privacy_consent_change (id, person_key, purpose_id, given, changed_at, channel) "
                + "values (:id, :person, :purpose, :given, :now, :channel)")
                .param("id", UUID.randomUUID()).param("person", person.value()).param("purpose", purpose.value())
                .param("given", given).param("now", now).param("channel", via).update();
        jdbc.sql("update privacy_person set last_activity_at = :now where person_key = :person")
                .param("now", now).param("person", person.value()).update();
    }

    /** How many persons have given consent for each purpose now. */
    @Transactional(readOnly = true)
    public java.util.Map<String, Long> givenPerPurpose() {
        java.util.Map<String, Long> counts = new java.util.HashMap<>();
        jdbc.sql("select purpose_id, count(*) from privacy_consent where given = true group by purpose_id")
                .query((rs, row) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }
}
