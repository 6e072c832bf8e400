package nl.buitenin.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.buitenin.platform.StartFigure;
import nl.buitenin.testing.DatabaseTest;

/**
 * The privacy officer's figures on hand-written rows of the erasure log and the access log: erasures asked for by the
 * person, the officer or the API in the last 30 days (not retention's, not older ones), reads for people's requests,
 * refused reads; and the days since the last real retention run (a preview does not count).
 */
@DatabaseTest
class PrivacyStartPanelTest {

    @Autowired
    PrivacyStartPanel panel;
    @Autowired
    JdbcClient jdbc;

    Map<String, StartFigure> figures() {
        return panel.figures("fg", Locale.forLanguageTag("nl")).stream()
                .collect(Collectors.toMap(f -> f.label().key(), f -> f));
    }

    long value(Map<String, StartFigure> figures, String key) {
        return Math.round(figures.get(key).value());
    }

    void erased(String via, long daysAgo) {
        jdbc.sql("insert into privacy_erasure_log (id, erased_at, requested) values (:id, :at, :via)").param("id", UUID.randomUUID())
                .param("at", OffsetDateTime.now(ZoneOffset.UTC).minusDays(daysAgo)).param("via", via).update();
    }

    void read(String purpose, String refusal, long daysAgo) {
        read("test", purpose, null, refusal, daysAgo);
    }

    void read(String actor, String purpose, String person, String refusal, long daysAgo) {
        jdbc.sql("insert into privacy_access_log (id, read_at, actor, purpose_id, person_key, what, refusal) "
                        + "values (:id, :at, :actor, :purpose, :person, 'contact details', :refusal)").param("id", UUID.randomUUID())
                .param("at", OffsetDateTime.now(ZoneOffset.UTC).minusDays(daysAgo)).param("actor", actor).param("purpose", purpose)
                .param("person", person).param("refusal", refusal).update();
    }

    static String person() {
        return "p_" + UUID.randomUUID().toString().replaceAll("[^a-z2-7]", "").concat("abcdefghijklmnopqrstuvwxyz").substring(0, 26);
    }

    /**
     * People, not reads: one visit to the own page logs a read per kind of data, so three reads of one person are one
     * request; a person who also asked the officer counts once, as on their own page; refused and older reads do not count.
     */
    @Test
    void requestsAreCountedAsPeopleWithHowTheyWereMade() {
        Map<String, StartFigure> before = figures();
        String selfServed = person();
        String viaOfficer = person();
        String both = person();
        for (int i = 0; i < 3; i++) {
            read(Actors.SELF, "data-subject-rights", selfServed, null, 1);
        }
        read("fg", "data-subject-rights", viaOfficer, null, 2);
        read("fg", "data-subject-rights", viaOfficer, null, 3);
        read(Actors.SELF, "data-subject-rights", both, null, 4);
        read("api-key:crm", "data-subject-rights", both, null, 4);
        read(Actors.SELF, "data-subject-rights", person(), "NO_PURPOSE", 1);   // refused
        read(Actors.SELF, "data-subject-rights", person(), null, 45);          // too long ago
        erased("own-page", 1);
        erased("own-page", 2);
        erased("privacy-officer", 2);
        erased("api", 3);

        Map<String, StartFigure> after = figures();

        assertThat(value(after, "privacy.start.requesters") - value(before, "privacy.start.requesters")).isEqualTo(3);
        long[] was = counts(before.get("privacy.start.requesters"), 2);
        long[] now = counts(after.get("privacy.start.requesters"), 2);
        assertThat(now[0] - was[0]).as("on their own page").isEqualTo(2);
        assertThat(now[1] - was[1]).as("only through the officer or the API").isEqualTo(1);
        long[] erasedBefore = counts(before.get("privacy.start.erasures"), 3);
        long[] erasedAfter = counts(after.get("privacy.start.erasures"), 3);
        assertThat(List.of(erasedAfter[0] - erasedBefore[0], erasedAfter[1] - erasedBefore[1], erasedAfter[2] - erasedBefore[2]))
                .as("own page, officer, API").containsExactly(2L, 1L, 1L);
    }

    /** The counts in a figure's note; with nothing counted the note only says that no request is open. */
    static long[] counts(StartFigure figure, int size) {
        if (figure.value() == 0) {
            assertThat(figure.note().key()).isEqualTo("privacy.start.noneOpen");
            return new long[size];
        }
        return figure.note().args().stream().mapToLong(a -> (Long) a).toArray();
    }

    @Test
    void requestsAndRefusalsOfTheLast30DaysAreCounted() {
        Map<String, StartFigure> before = figures();
        erased("person", 1);
        erased("person", 29);
        erased("privacy-officer", 2);
        erased("api", 3);
        erased("retention", 1);       // not a request
        erased("person", 31);         // too long ago
        read("data-subject-rights", null, 1);
        read("data-subject-rights", null, 10);
        read("data-subject-rights", null, 40);   // too long ago
        read("feedback", null, 1);                // another purpose
        read("feedback", "NO_PURPOSE", 2);        // refused
        read("offers", "NO_CONSENT", 5);          // refused

        Map<String, StartFigure> after = figures();

        assertThat(value(after, "privacy.start.erasures") - value(before, "privacy.start.erasures")).isEqualTo(4);
        assertThat(value(after, "privacy.start.refusals") - value(before, "privacy.start.refusals")).isEqualTo(2);
        assertThat(after.get("privacy.start.retentionDue").link()).isEqualTo("/privacy/retention");
    }

    @Test
    void theDaysSinceTheLastRealRetentionRun() {
        Instant ranAt = Instant.now().minus(Duration.ofDays(3)).minus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        jdbc.sql("insert into privacy_retention_run (id, started_at, triggered_by, preview, report) values (:id, :at, 'test', false, '[]')")
                .param("id", UUID.randomUUID()).param("at", OffsetDateTime.ofInstant(ranAt, ZoneOffset.UTC)).update();
        jdbc.sql("insert into privacy_retention_run (id, started_at, triggered_by, preview, report) values (:id, :at, 'test', true, '[]')")
                .param("id", UUID.randomUUID()).param("at", OffsetDateTime.now(ZoneOffset.UTC)).update();
        long laterRealRuns = jdbc.sql("select count(*) from privacy_retention_run where preview = false and started_at > :at")
                .param("at", OffsetDateTime.ofInstant(ranAt, ZoneOffset.UTC)).query(Long.class).single();
        // Another class sharing this database may have run retention since; then that run is the last one.
        assertThat(value(figures(), "privacy.start.lastRun")).isEqualTo(laterRealRuns == 0 ? 3 : 0);
        List<StartFigure> all = panel.figures("fg", Locale.ENGLISH);
        assertThat(all).allSatisfy(f -> assertThat(f.link()).startsWith("/privacy/"));
    }
}
