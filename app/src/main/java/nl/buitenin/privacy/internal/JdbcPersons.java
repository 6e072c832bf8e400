package nl.buitenin.privacy.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.platform.NotFoundException;
import nl.buitenin.platform.Secrets;
import nl.buitenin.privacy.ContactDetails;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.Persons;
import nl.buitenin.privacy.PreferredChannel;
import nl.buitenin.privacy.Preferences;
import nl.buitenin.privacy.PurposeId;

/**
 * Persons with their contact details and customer id encrypted per value (AES-256-GCM); the row is
 * found by its person key, so no lookup decrypts anything but the one row it needs.
 */
@Repository
public class JdbcPersons implements Persons {

    private final JdbcClient jdbc;
    private final PersonKeys keys;
    private final FieldCipher cipher;
    private final PurposeEnforcer guard;
    private final AccessLog log;
    private final Clock clock;
    private final JdbcTemplate batch;

    JdbcPersons(JdbcClient jdbc, JdbcTemplate batch, Secrets secrets, PurposeEnforcer guard, AccessLog log, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.keys = new PersonKeys(secrets.key("privacy.person-key"));
        this.cipher = new FieldCipher(secrets.key("privacy.contact-details"));
        this.guard = guard;
        this.log = log;
        this.clock = clock;
    }

    @Override
    public PersonKey keyFor(String customerId) {
        return keys.keyFor(customerId);
    }

    @Override
    @Transactional
    public PersonKey register(String customerId, ContactDetails details) {
        String id = PersonKeys.normalise(customerId);
        PersonKey key = keys.keyFor(id);
        OffsetDateTime now = now();
        Sealed sealed = seal(key, id, details);
        int updated = jdbc.sql("update privacy_person set customer_id_enc = :customer, name_enc = :name, email_enc = :email, "
                + "phone_enc = :phone, last_activity_at = :now where person_key = :key")
                .param("customer", sealed.customerId()).param("name", sealed.name()).param("email", sealed.email())
                .param("phone", sealed.phone()).param("now", now).param("key", key.value()).update();
        if (updated == 0) {
            Preferences preferences = Preferences.DEFAULT;
            jdbc.sql("insert into privacy_person (person_key, customer_id_enc, name_enc, email_enc, phone_enc, channel, language, "
                    + "reminders_wanted, do_not_ask, created_at, last_activity_at) values (:key, :customer, :name, :email, :phone, "
                    + ":channel, :language, :reminders, :doNotAsk, :now, :now) on conflict do nothing")
                    .param("key", key.value()).param("customer", sealed.customerId()).param("name", sealed.name())
                    .param("email", sealed.email()).param("phone", sealed.phone())
                    .param("channel", preferences.channel().name()).param("language", preferences.language())
                    .param("reminders", preferences.remindersWanted()).param("doNotAsk", preferences.doNotAsk())
                    .param("now", now).update();
        }
        return key;
    }

    /** Given types spare the driver a metadata round trip for every null value of a batch. */
    private static final int[] PERSON_TYPES = {Types.VARCHAR, Types.VARBINARY, Types.VARBINARY, Types.VARBINARY, Types.VARBINARY,
        Types.VARCHAR, Types.VARCHAR, Types.BOOLEAN, Types.BOOLEAN, Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP_WITH_TIMEZONE};

    /** A person as the demo or a bulk import registers them, with their preferences. */
    public record NewPerson(String customerId, ContactDetails details, Preferences preferences, Instant since) {
    }

    /** Registers many new persons in JDBC batches; persons that already exist are left as they are. */
    @Transactional
    public List<PersonKey> registerAll(List<NewPerson> people) {
        List<PersonKey> result = new ArrayList<>(people.size());
        List<Object[]> rows = new ArrayList<>(people.size());
        for (NewPerson person : people) {
            String id = PersonKeys.normalise(person.customerId());
            PersonKey key = keys.keyFor(id);
            Sealed sealed = seal(key, id, person.details());
            OffsetDateTime since = OffsetDateTime.ofInstant(person.since(), ZoneOffset.UTC);
            rows.add(new Object[] {key.value(), sealed.customerId(), sealed.name(), sealed.email(), sealed.phone(),
                    person.preferences().channel().name(), person.preferences().language(),
                    person.preferences().remindersWanted(), person.preferences().doNotAsk(), since, since});
            result.add(key);
        }
        batch.batchUpdate("insert into privacy_person (person_key, customer_id_enc, name_enc, email_enc, phone_enc, "
                + "channel, language, reminders_wanted, do_not_ask, created_at, last_activity_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing", rows, PERSON_TYPES);
        return result;
    }

    @Override
    @Transactional
    public Optional<ContactDetails> contactDetails(PersonKey person, PurposeId purpose) {
        Optional<Stored> stored = stored(person);
        if (stored.isEmpty()) {
            // Still refuse a purpose that is not allowed, so a caller learns of a wrong purpose at once.
            guard.decide(purpose, person, null).ifPresent(refusal -> {
                throw refusal;
            });
            return Optional.empty();
        }
        guard.check(purpose, person, "contact details");
        return Optional.of(stored.get().details());
    }

    /**
     * The contact details and customer id for the person themselves or the privacy officer acting on
     * their request (GDPR art. 15-20); logged under the purpose data-subject-rights.
     */
    @Transactional
    public Optional<Held> heldFor(PersonKey person, String actor) {
        Optional<Stored> stored = stored(person);
        stored.ifPresent(s -> log.record(actor, DataSubjectRights.PURPOSE, person, "contact details (data subject request)", null));
        return stored.map(s -> new Held(s.customerId(), s.details(), s.createdAt(), s.lastActivityAt()));
    }

    /** What identifies the person, to scrub from free text when they are forgotten; not logged as a read. */
    @Transactional(readOnly = true)
    public List<String> identifiers(PersonKey person) {
        return stored(person).map(s -> {
            List<String> values = new ArrayList<>();
            values.add(s.customerId());
            if (s.details() != null) {
                values.addAll(s.details().identifiers());
            }
            return values;
        }).orElse(List.of());
    }

    @Override
    @Transactional(readOnly = true)
    public Preferences preferences(PersonKey person) {
        return jdbc.sql("select channel, language, reminders_wanted, do_not_ask from privacy_person where person_key = :key")
                .param("key", person.value())
                .query((rs, row) -> new Preferences(PreferredChannel.valueOf(rs.getString(1)), rs.getString(2), rs.getBoolean(3),
                        rs.getBoolean(4)))
                .optional().orElse(Preferences.DEFAULT);
    }

    @Override
    @Transactional
    public void setPreferences(PersonKey person, Preferences preferences) {
        int updated = jdbc.sql("update privacy_person set channel = :channel, language = :language, reminders_wanted = :reminders, "
                + "do_not_ask = :doNotAsk, last_activity_at = :now where person_key = :key")
                .param("channel", preferences.channel().name()).param("language", preferences.language())
                .param("reminders", preferences.remindersWanted()).param("doNotAsk", preferences.doNotAsk())
                .param("now", now()).param("key", person.value()).update();
        if (updated == 0) {
            throw new NotFoundException("privacy.thing.person", person.value());
        }
    }

    @Override
    @Transactional(readOnly = true)
    public boolean exists(PersonKey person) {
        return jdbc.sql("select count(*) from privacy_person where person_key = :key").param("key", person.value())
                .query(Integer.class).single() > 0;
    }

    public long count() {
        return jdbc.sql("select count(*) from privacy_person").query(Long.class).single();
    }

    /** What is held on a person, decrypted. */
    public record Held(String customerId, ContactDetails details, Instant registeredAt, Instant lastActivityAt) {
    }

    private record Stored(String customerId, ContactDetails details, Instant createdAt, Instant lastActivityAt) {
    }

    private record Sealed(byte[] customerId, byte[] name, byte[] email, byte[] phone) {
    }

    private Sealed seal(PersonKey key, String customerId, ContactDetails details) {
        return new Sealed(cipher.encrypt(customerId, aad(key, "customer_id")),
                cipher.encrypt(details == null ? null : details.name(), aad(key, "name")),
                cipher.encrypt(details == null ? null : details.email(), aad(key, "email")),
                cipher.encrypt(details == null ? null : details.phone(), aad(key, "phone")));
    }

    private Optional<Stored> stored(PersonKey person) {
        return jdbc.sql("select customer_id_enc, name_enc, email_enc, phone_enc, created_at, last_activity_at "
                + "from privacy_person where person_key = :key").param("key", person.value())
                .query((rs, row) -> open(person, rs)).optional();
    }

    private Stored open(PersonKey key, ResultSet rs) throws SQLException {
        String name = cipher.decrypt(rs.getBytes("name_enc"), aad(key, "name"));
        String email = cipher.decrypt(rs.getBytes("email_enc"), aad(key, "email"));
        String phone = cipher.decrypt(rs.getBytes("phone_enc"), aad(key, "phone"));
        ContactDetails details = name == null && email == null && phone == null ? null : new ContactDetails(name, email, phone);
        return new Stored(cipher.decrypt(rs.getBytes("customer_id_enc"), aad(key, "customer_id")), details,
                Purposes.instant(rs, "created_at"), Purposes.instant(rs, "last_activity_at"));
    }

    private static String aad(PersonKey key, String column) {
        return key.value() + "/" + column;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
