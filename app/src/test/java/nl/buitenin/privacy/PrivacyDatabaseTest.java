package nl.buitenin.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.core.EventSerializer;

import nl.buitenin.privacy.PurposeRefusedException.Reason;
import nl.buitenin.privacy.internal.AccessLog;
import nl.buitenin.privacy.internal.AccessLogEntry;
import nl.buitenin.privacy.internal.Erasure;
import nl.buitenin.privacy.internal.Exports;
import nl.buitenin.privacy.internal.PersonExport;
import nl.buitenin.privacy.internal.Purposes;
import nl.buitenin.platform.PageRequest;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.TestDatabases;

/**
 * Persons, consents, purpose-bound access, export and erasure on the real database (H2 and PostgreSQL).
 * A free-text table of a pretend other module, created here, shows that the erasure scan finds what
 * is left behind and that a module's PersonErased handler is what removes it.
 */
@DatabaseTest
class PrivacyDatabaseTest {

    @Autowired
    Persons persons;
    @Autowired
    java.util.List<PersonalDataSource> sources;
    @Autowired
    Consents consents;
    @Autowired
    PurposeGuard guard;
    @Autowired
    AccessLog accessLog;
    @Autowired
    Purposes purposes;
    @Autowired
    Exports exports;
    @Autowired
    Erasure erasure;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventSerializer eventSerializer;

    /** Stands for another module: holds free text about a person and handles PersonErased as such a module must. */
    @TestConfiguration
    static class OtherModule {

        @Bean
        PersonalDataSource notesSource(JdbcTemplate jdbc) {
            return new PersonalDataSource() {
                @Override
                public String section() {
                    return "test-notes";
                }

                @Override
                public List<?> export(PersonKey person) {
                    createTable(jdbc);
                    return jdbc.queryForList("select body from test_note where person_key = ?", String.class, person.value());
                }

                @Override
                public List<PersonalDataTable> tables() {
                    return List.of(PersonalDataTable.keyed("test_note", "person_key", "body"));
                }
            };
        }

        @Bean
        NotesErasure notesErasure(JdbcTemplate jdbc) {
            return new NotesErasure(jdbc);
        }

        static void createTable(JdbcTemplate jdbc) {
            jdbc.execute("create table if not exists test_note (id varchar(36) primary key, person_key varchar(28), body text)");
        }
    }

    static class NotesErasure implements PersonalDataErasure {
        private final JdbcTemplate jdbc;
        private final FreeTextScrubber scrubber = new FreeTextScrubber();

        NotesErasure(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public List<PersonalDataTable> erases() {
            return List.of(PersonalDataTable.keyed("test_note", "person_key", "body"));
        }

        @ApplicationModuleListener
        void on(PersonErased erased) {
            OtherModule.createTable(jdbc);
            jdbc.update("update test_note set person_key = null where person_key = ?", erased.person().value());
            // Free text about somebody else may mention the person too: every note is scrubbed.
            for (var row : jdbc.queryForList("select id, body from test_note")) {
                jdbc.update("update test_note set body = ? where id = ?",
                        scrubber.scrub((String) row.get("body"), erased.identifiers()), row.get("id"));
            }
        }
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private record Someone(String customerId, String name, String email, String phone, PersonKey key) {
        List<String> identifiers() {
            return List.of(customerId, name, email, phone, "0" + phone.substring(3), key.value());
        }
    }

    private Someone register() {
        String id = unique();
        String customerId = "KLANT-" + id;
        String name = "Ilse Testpersoon" + id.replaceAll("\\d", "").toLowerCase();
        String email = "ilse." + id + "@example.nl";
        String phone = "+3160" + String.format("%07d", Math.abs(id.hashCode()) % 10_000_000);
        PersonKey key = persons.register(customerId, new ContactDetails(name, email, phone));
        return new Someone(customerId, name, email, phone, key);
    }

    @Test
    void theSameCustomerIdAlwaysGivesTheSameKeyWithoutStoringAnything() {
        String customerId = "KLANT-" + unique();
        PersonKey key = persons.keyFor(customerId);
        assertThat(persons.keyFor(" " + customerId + " ")).isEqualTo(key);
        assertThat(persons.keyFor(customerId + "x")).isNotEqualTo(key);
        assertThat(persons.exists(key)).isFalse();
    }

    @Test
    void registeringAgainUpdatesTheDetailsUnderTheSameKey() {
        Someone someone = register();
        PersonKey again = persons.register(someone.customerId(), new ContactDetails("Ilse Nieuw", "nieuw." + unique() + "@example.nl", null));
        assertThat(again).isEqualTo(someone.key());
        assertThat(persons.contactDetails(again, PurposeId.FEEDBACK)).get().extracting(ContactDetails::name).isEqualTo("Ilse Nieuw");
        assertThat(jdbc.queryForObject("select count(*) from privacy_person where person_key = ?", Integer.class, again.value()))
                .isEqualTo(1);
    }

    @Test
    void aDumpOfTheDatabaseShowsNoPlainEmailAddressPhoneNumberOrCustomerId() {
        Someone someone = register();
        List<String> dump = new ArrayList<>();
        if (TestDatabases.current() == TestDatabases.Kind.H2) {
            dump.addAll(jdbc.queryForList("script", String.class));
        }
        DatabaseScan scan = new DatabaseScan(jdbc);
        List<String> sensitive = List.of(someone.email(), someone.phone(), someone.customerId(), someone.name());
        assertThat(dump.stream().filter(line -> sensitive.stream().anyMatch(line::contains)).toList()).isEmpty();
        assertThat(scan.find(sensitive)).isEmpty();
        // The scan does find what is stored in plain: the person key.
        assertThat(scan.find(List.of(someone.key().value()))).extracting(DatabaseScan.Hit::table).contains("privacy_person");
    }

    @Test
    void readsForAPurposeAreLoggedWithWhoWhatAndWhom() {
        Someone someone = register();
        assertThat(persons.contactDetails(someone.key(), PurposeId.COMPLAINT_HANDLING)).get()
                .isEqualTo(new ContactDetails(someone.name(), someone.email(), someone.phone()));
        guard.check(PurposeId.SERVICE_IMPROVEMENT, someone.key(), "comment on survey 12");
        List<AccessLogEntry> log = accessLog.find(AccessLog.Filter.of(someone.key()), new PageRequest(0, 10)).items();
        assertThat(log).extracting(e -> e.purpose().value(), AccessLogEntry::what, AccessLogEntry::actor, AccessLogEntry::refused)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("complaint-handling", "contact details", "system", false),
                        org.assertj.core.groups.Tuple.tuple("service-improvement", "comment on survey 12", "system", false));
    }

    @Test
    void refusesAnUnknownPurposeAPurposeWithoutPersonalDataAndARetiredOne() {
        Someone someone = register();
        assertRefused(() -> persons.contactDetails(someone.key(), new PurposeId("curiosity")), Reason.UNKNOWN_PURPOSE);
        assertRefused(() -> persons.contactDetails(someone.key(), PurposeId.STAFFING), Reason.NO_PERSONAL_DATA);
        PurposeId temporary = new PurposeId("temp-" + unique());
        purposes.create(new nl.buitenin.privacy.internal.Purpose(temporary, "Tijdelijk", "Temporary", "Een proef", "A trial",
                nl.buitenin.privacy.internal.LegalBasis.LEGITIMATE_INTEREST, true, "naam", 6, "niemand", null));
        guard.check(temporary, someone.key(), "note");
        purposes.retire(temporary);
        assertRefused(() -> guard.check(temporary, someone.key(), "note"), Reason.RETIRED_PURPOSE);
        List<AccessLogEntry> log = accessLog.find(AccessLog.Filter.of(someone.key()), new PageRequest(0, 10)).items();
        assertThat(log).filteredOn(AccessLogEntry::refused).extracting(AccessLogEntry::refusal)
                .containsExactlyInAnyOrder("UNKNOWN_PURPOSE", "NO_PERSONAL_DATA", "RETIRED_PURPOSE");
    }

    @Test
    void aConsentPurposeNeedsConsentAndAWithdrawalEndsIt() {
        Someone someone = register();
        assertThat(guard.mayUse(PurposeId.OFFERS, someone.key())).isFalse();
        assertRefused(() -> persons.contactDetails(someone.key(), PurposeId.OFFERS), Reason.NO_CONSENT);
        consents.give(someone.key(), PurposeId.OFFERS, "web");
        consents.give(someone.key(), PurposeId.OFFERS, "web");
        assertThat(persons.contactDetails(someone.key(), PurposeId.OFFERS)).isPresent();
        consents.withdraw(someone.key(), PurposeId.OFFERS, "own-page");
        assertRefused(() -> persons.contactDetails(someone.key(), PurposeId.OFFERS), Reason.NO_CONSENT);
        assertThat(consents.history(someone.key())).extracting(ConsentChange::given, ConsentChange::channel)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(true, "web"), org.assertj.core.groups.Tuple.tuple(false, "own-page"));
    }

    @Test
    void dataPastThePurposesRetentionMayNotBeRead() {
        Someone someone = register();
        jdbc.update("update privacy_person set last_activity_at = ? where person_key = ?",
                OffsetDateTime.now(ZoneOffset.UTC).minusMonths(30), someone.key().value());
        assertRefused(() -> persons.contactDetails(someone.key(), PurposeId.FEEDBACK), Reason.RETENTION_PASSED);
        assertThat(persons.contactDetails(someone.key(), PurposeId.SERVICE_IMPROVEMENT)).isPresent();
        Instant threeYearsAgo = Instant.now().minus(3 * 366, ChronoUnit.DAYS);
        assertRefused(() -> guard.check(PurposeId.SERVICE_IMPROVEMENT, someone.key(), "old comment", threeYearsAgo),
                Reason.RETENTION_PASSED);
    }

    /**
     * Many people checked at once are decided by the same rules as one at a time (here consent, and the retention of the
     * moment each person's data was recorded), in one call, and every read and refusal is in the log.
     */
    @Test
    void aBatchedCheckDecidesEachPersonByTheSameRulesAndLogsEachReadAndRefusal() {
        Someone consented = register();
        Someone without = register();
        Someone old = register();
        consents.give(consented.key(), PurposeId.OFFERS, "web");
        consents.give(old.key(), PurposeId.OFFERS, "web");
        Map<PersonKey, Instant> recorded = new java.util.LinkedHashMap<>();
        recorded.put(consented.key(), Instant.now().minus(1, ChronoUnit.DAYS));
        recorded.put(without.key(), Instant.now().minus(1, ChronoUnit.DAYS));
        recorded.put(old.key(), Instant.now().minus(3 * 366, ChronoUnit.DAYS));
        assertThat(guard.allowed(PurposeId.OFFERS, recorded, "offer texts")).containsExactly(consented.key());
        assertThat(log(consented)).containsExactly((String) null);
        assertThat(log(without)).containsExactly("NO_CONSENT");
        assertThat(log(old)).containsExactly("RETENTION_PASSED");
    }

    /**
     * Without the moment of recording, each person's own last activity decides the retention, also in a batch: a person
     * active 30 months ago is refused, one active now is not, and consent is still each person's own (given, withdrawn,
     * never asked). A purpose outside the register refuses everybody of the batch, each refusal logged.
     */
    @Test
    void aBatchedCheckWithoutRecordingMomentsUsesEachPersonsLastActivity() {
        Someone recent = register();
        Someone inactive = register();
        Someone withdrawn = register();
        Someone neverAsked = register();
        consents.give(recent.key(), PurposeId.OFFERS, "web");
        consents.give(inactive.key(), PurposeId.OFFERS, "web");
        consents.give(withdrawn.key(), PurposeId.OFFERS, "web");
        consents.withdraw(withdrawn.key(), PurposeId.OFFERS, "own-page");
        jdbc.update("update privacy_person set last_activity_at = ? where person_key = ?",
                OffsetDateTime.now(ZoneOffset.UTC).minusMonths(30), inactive.key().value());
        Map<PersonKey, Instant> unknownMoments = new java.util.LinkedHashMap<>();
        for (Someone someone : List.of(recent, inactive, withdrawn, neverAsked)) {
            unknownMoments.put(someone.key(), null);
        }
        assertThat(guard.allowed(PurposeId.OFFERS, unknownMoments, "offer texts")).containsExactly(recent.key());
        assertThat(log(recent)).containsExactly((String) null);
        assertThat(log(inactive)).containsExactly("RETENTION_PASSED");
        assertThat(log(withdrawn)).containsExactly("NO_CONSENT");
        assertThat(log(neverAsked)).containsExactly("NO_CONSENT");
        // One at a time gives the same decisions.
        assertThat(guard.mayUse(PurposeId.OFFERS, recent.key())).isTrue();
        assertThat(guard.mayUse(PurposeId.OFFERS, inactive.key())).isFalse();
        assertThat(guard.mayUse(PurposeId.OFFERS, withdrawn.key())).isFalse();
        assertThat(guard.mayUse(PurposeId.OFFERS, neverAsked.key())).isFalse();

        assertThat(guard.allowed(new PurposeId("not-registered-" + unique()), unknownMoments, "offer texts")).isEmpty();
        assertThat(log(recent)).containsExactlyInAnyOrder(null, "UNKNOWN_PURPOSE");
        assertThat(log(neverAsked)).containsExactlyInAnyOrder("NO_CONSENT", "UNKNOWN_PURPOSE");
    }

    private List<String> log(Someone someone) {
        return accessLog.find(AccessLog.Filter.of(someone.key()), new PageRequest(0, 10)).items().stream()
                .filter(e -> e.what().equals("offer texts")).map(AccessLogEntry::refusal).toList();
    }

    @Test
    void theExportHoldsEverySectionOfEverySource() {
        Someone someone = register();
        OtherModule.createTable(jdbc);
        jdbc.update("insert into test_note (id, person_key, body) values (?, ?, ?)", unique(), someone.key().value(), "Fijne reis");
        consents.give(someone.key(), PurposeId.OFFERS, "web");
        persons.setPreferences(someone.key(), new Preferences(PreferredChannel.SMS, "en", true, false));
        persons.contactDetails(someone.key(), PurposeId.FEEDBACK);

        PersonExport export = exports.export(someone.key());

        // Every module that holds personal data contributes a section, even when it holds nothing on this person.
        assertThat(export.sections()).extracting(PersonExport.Section::name)
                .containsExactlyInAnyOrderElementsOf(sources.stream().map(PersonalDataSource::section).toList())
                .contains("access-log", "consents", "contact-details", "preferences", "test-notes");
        assertThat(section(export, "contact-details").toString()).contains(someone.email(), someone.customerId(), someone.phone());
        assertThat(section(export, "preferences").toString()).contains("channel=SMS", "language=en", "remindersWanted=true",
                "doNotAsk=false");
        assertThat(section(export, "consents")).hasSize(1);
        assertThat(section(export, "access-log")).hasSize(1);
        assertThat(section(export, "test-notes")).containsExactly("Fijne reis");
    }

    @Test
    void erasureLeavesNoIdentifierInAnyTableOrColumn() throws InterruptedException {
        Someone someone = register();
        Someone bystander = register();
        OtherModule.createTable(jdbc);
        jdbc.update("insert into test_note (id, person_key, body) values (?, ?, ?)", unique(), someone.key().value(),
                "Klacht van " + someone.name() + ", bel " + "0" + someone.phone().substring(3) + " of mail " + someone.email());
        jdbc.update("insert into test_note (id, person_key, body) values (?, ?, ?)", unique(), bystander.key().value(),
                "Collega zei dat " + someone.name() + " ook mee was.");
        consents.give(someone.key(), PurposeId.OFFERS, "web");
        persons.contactDetails(someone.key(), PurposeId.OFFERS);
        guard.check(PurposeId.COMPLAINT_HANDLING, someone.key(), "case note");
        DatabaseScan scan = new DatabaseScan(jdbc);
        assertThat(scan.find(someone.identifiers())).as("the scan finds the person before the erasure").isNotEmpty();

        assertThat(erasure.erase(someone.key(), "test")).isTrue();
        awaitEventsHandled();

        assertThat(scan.tables()).contains("privacy_person", "privacy_access_log", "event_publication", "test_note");
        assertThat(scan.find(someone.identifiers())).isEmpty();
        assertThat(persons.exists(someone.key())).isFalse();
        assertThat(persons.exists(bystander.key())).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from privacy_access_log where person_key is null and what = 'case note'",
                Integer.class)).as("the log keeps that a read happened").isPositive();
        assertThat(erasure.erase(someone.key(), "test")).as("nothing left to erase").isFalse();
    }

    @Test
    void theStoredErasureEventHoldsNoIdentifierButRestoresThem() {
        PersonErased event = new PersonErased(new PersonKey("p_abcdefghijklmnopqrstuvwxyz"),
                List.of("KLANT-1", "Ilse de Boer", "ilse@example.nl", "+31600012345"), Instant.parse("2026-01-02T03:04:05Z"));
        String stored = eventSerializer.serialize(event).toString();
        assertThat(stored).doesNotContain("KLANT-1", "Ilse", "ilse@example.nl", "+31600012345", "p_abcdefghijklmnopqrstuvwxyz");
        assertThat(eventSerializer.deserialize(stored, PersonErased.class)).isEqualTo(event);
    }

    private void awaitEventsHandled() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            Integer open = jdbc.queryForObject("select count(*) from event_publication", Integer.class);
            if (open == 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the PersonErased handlers did not complete within 20 s");
    }

    private static List<Object> section(PersonExport export, String name) {
        return List.copyOf(export.sections().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow().records());
    }

    private static void assertRefused(Runnable read, Reason reason) {
        assertThatThrownBy(read::run).isInstanceOf(PurposeRefusedException.class)
                .satisfies(e -> assertThat(((PurposeRefusedException) e).reason()).isEqualTo(reason));
    }
}
