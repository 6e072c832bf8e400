package nl.buitenin.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import nl.buitenin.privacy.internal.Retention;
import nl.buitenin.testing.DatabaseTest;

/** The retention job: its preview changes nothing, its run does what the preview said and reports it. */
@DatabaseTest
@RecordApplicationEvents
class RetentionTest {

    @Autowired
    Retention retention;
    @Autowired
    Persons persons;
    @Autowired
    Consents consents;
    @Autowired
    PurposeGuard guard;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationEvents events;

    @Test
    void forgetsInactivePersonsTrimsOldConsentHistoryAndDetachesOldReads() {
        PersonKey stale = persons.register("RET-" + UUID.randomUUID(), new ContactDetails("Oud Persoon", null, "020 123 4567"));
        PersonKey active = persons.register("RET-" + UUID.randomUUID(), new ContactDetails("Jong Persoon", null, null));
        consents.give(active, PurposeId.OFFERS, "web");
        consents.withdraw(active, PurposeId.OFFERS, "web");
        consents.give(active, PurposeId.OFFERS, "web");
        guard.check(PurposeId.FEEDBACK, active, "comment");
        OffsetDateTime longAgo = OffsetDateTime.now(ZoneOffset.UTC).minusMonths(40);
        jdbc.update("update privacy_person set last_activity_at = ? where person_key = ?", longAgo, stale.value());
        var changes = jdbc.queryForList("select id from privacy_consent_change where person_key = ? order by changed_at, id",
                UUID.class, active.value());
        for (int i = 0; i < changes.size(); i++) {
            jdbc.update("update privacy_consent_change set changed_at = ? where id = ?", longAgo.plusMinutes(i), changes.get(i));
        }
        jdbc.update("update privacy_access_log set read_at = ? where person_key = ?", longAgo, active.value());

        Retention.Run preview = retention.preview("test");
        assertThat(persons.exists(stale)).as("a preview changes nothing").isTrue();
        assertThat(count(preview, "*", "persons-forgotten")).isGreaterThanOrEqualTo(1);
        assertThat(count(preview, "offers", "consent-history-deleted")).isGreaterThanOrEqualTo(2);
        assertThat(count(preview, "feedback", "access-log-anonymised")).isGreaterThanOrEqualTo(1);

        Retention.Run run = retention.run("test");

        assertThat(persons.exists(stale)).isFalse();
        assertThat(persons.exists(active)).isTrue();
        assertThat(consents.history(active)).hasSize(1).first().extracting(ConsentChange::given).isEqualTo(true);
        assertThat(consents.isGiven(active, PurposeId.OFFERS)).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from privacy_access_log where person_key = ?", Integer.class, active.value()))
                .isZero();
        assertThat(count(run, "*", "persons-forgotten")).isEqualTo(count(preview, "*", "persons-forgotten"));
        assertThat(events.stream(RetentionExpired.class).map(RetentionExpired::purpose))
                .contains(PurposeId.FEEDBACK, PurposeId.OFFERS, PurposeId.SERVICE_IMPROVEMENT).doesNotContain(PurposeId.STAFFING);
        assertThat(events.stream(PersonErased.class).map(PersonErased::person)).contains(stale);
        assertThat(retention.recent(5)).extracting(Retention.Run::preview).contains(true, false);
    }

    private static long count(Retention.Run run, String purpose, String action) {
        return run.lines().stream().filter(l -> l.purpose().equals(purpose) && l.action().equals(action))
                .mapToLong(Retention.Line::count).sum();
    }
}
