package nl.buitenin.listening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.EventSerializer;

import nl.buitenin.journey.TouchpointId;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.testing.DatabaseTest;

/**
 * Completed responses were published as a single {@code ResponseCompleted} or a batch {@code ResponsesCompleted}; now
 * only as the latter. A single one still waiting in the event log when an instance is upgraded is rewritten by the
 * migration into a batch of one for the one listener, and still opens its case when delivered.
 */
@DatabaseTest
class OneCompletedEventUpgradeTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventSerializer serializer;
    @Autowired
    IncompleteEventPublications incomplete;

    @Test
    void aWaitingSingleEventIsDeliveredAsABatchOfOneAfterTheMigration() throws Exception {
        UUID response = UUID.randomUUID();
        StringBuilder key = new StringBuilder("p_");
        UUID.randomUUID().toString().replace("-", "").chars().limit(26).forEach(c -> key.append((char) ('a' + Character.digit(c, 16))));
        PersonKey person = new PersonKey(key.toString());
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.HOURS);
        // The old event had exactly these fields, so it was stored as this JSON.
        CompletedResponse completed = new CompletedResponse(response, "answer:" + response, new SurveyId(UUID.randomUUID()), person,
                new TouchpointId(UUID.randomUUID()), List.of(new CompletedResponse.Score("nps", QuestionType.NPS, 3)),
                List.of("DETRACTOR:nps"), "nps 3", at);
        jdbc.sql("insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, status, "
                        + "completion_attempts) values (:id, :listener, :type, :event, :at, 'PUBLISHED', 1)")
                .param("id", UUID.randomUUID())
                .param("listener", "nl.buitenin.loop.internal.CasesFromAnswers.on(nl.buitenin.listening.ResponseCompleted)")
                .param("type", "nl.buitenin.listening.ResponseCompleted")
                .param("event", serializer.serialize(completed).toString())
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).update();

        String migration = new ClassPathResource("db/migration/V4_6_0__listening_one_completed_event.sql")
                .getContentAsString(StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
        jdbc.sql(migration.strip().replaceAll(";$", "")).update();

        String stored = jdbc.sql("select serialized_event from event_publication where event_type = :type and serialized_event like :id")
                .param("type", ResponsesCompleted.class.getName()).param("id", "%" + response + "%").query(String.class).single();
        assertThat(serializer.deserialize(stored, ResponsesCompleted.class)).isEqualTo(new ResponsesCompleted(List.of(completed)));

        incomplete.resubmitIncompletePublicationsOlderThan(Duration.ZERO);
        for (int i = 0; i < 200 && openCases(response) == 0; i++) {
            Thread.sleep(50);
        }
        assertThat(openCases(response)).isEqualTo(1);
    }

    private long openCases(UUID response) {
        return jdbc.sql("select count(*) from loop_case where source_ref = :source").param("source", "answer:" + response)
                .query(Long.class).single();
    }
}
