package nl.buitenin.listening.internal.answers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.buitenin.listening.Comment;
import nl.buitenin.listening.Comments;
import nl.buitenin.listening.ResponseKey;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.TestDatabases;

/**
 * Comments read by response keys (id and the moment the response was created, the month it is kept in): every comment
 * of responses created over several months and in one slice of more than a thousand comes back, and none of another
 * response; on PostgreSQL the read of a slice looks only in the months of its responses, not in every month's
 * partition (its plan names them).
 */
@DatabaseTest
class CommentsByKeyTest {

    private static final Pattern PARTITION = Pattern.compile("(listening_(?:response|answer)_(?:p\\d{6}|default))");

    @Autowired
    JdbcResponses responses;
    @Autowired
    JdbcSurveys surveys;
    @Autowired
    Comments comments;
    @Autowired
    JdbcClient jdbc;

    @Test
    void everyCommentOfTheResponsesComesBackAcrossMonthsAndSlices() {
        Survey survey = Survey.draft(SurveyFixtures.tripEvaluation(), Instant.now());
        survey.publish(Instant.now());
        surveys.add(survey);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<JdbcResponses.Completing> batch = new ArrayList<>();
        // 1 200 responses over five months (more than one statement's thousand), and one that is not asked for.
        for (int i = 0; i <= 1_200; i++) {
            Instant at = now.minus(i % 5 * 31L, ChronoUnit.DAYS).minusSeconds(i);
            batch.add(new JdbcResponses.Completing(UUID.randomUUID(), false, survey.id(), null, null, "by-key:" + UUID.randomUUID(),
                    ResponseChannel.IMPORT, "nl", null, null, at, List.of(new GivenAnswer("nps", 9, null, null),
                            new GivenAnswer("beter", null, null, "opmerking " + i))));
        }
        responses.complete(batch);
        List<ResponseKey> asked = batch.subList(0, 1_200).stream().map(c -> new ResponseKey(c.id(), c.at())).toList();

        Map<UUID, List<Comment>> read = comments.of(asked);

        assertThat(read).hasSize(1_200).doesNotContainKey(batch.get(1_200).id());
        for (int i = 0; i < 1_200; i++) {
            assertThat(read.get(batch.get(i).id())).extracting(Comment::text).containsExactly("opmerking " + i);
        }
    }

    /**
     * The key a completion hands on is the application's moment, finer than the stored one (nanoseconds against
     * microseconds, rounded up here): the response is still found.
     */
    @Test
    void aKeyFinerThanTheStoredMomentFindsItsResponse() {
        Survey survey = Survey.draft(SurveyFixtures.tripEvaluation(), Instant.now());
        survey.publish(Instant.now());
        surveys.add(survey);
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60).plusNanos(123_456_789);
        UUID id = UUID.randomUUID();
        Map<UUID, Instant> stored = responses.complete(List.of(new JdbcResponses.Completing(id, false, survey.id(), null, null,
                "by-key:" + UUID.randomUUID(), ResponseChannel.IMPORT, "nl", null, null, at,
                List.of(new GivenAnswer("beter", null, null, "fijne reis")))));
        assertThat(stored).containsEntry(id, at);

        assertThat(comments.of(List.of(new ResponseKey(id, stored.get(id)))).get(id)).extracting(Comment::text).containsExactly("fijne reis");
    }

    @Test
    void onPostgresAReadLooksOnlyInTheMonthsOfItsResponses() {
        if (TestDatabases.current() != TestDatabases.Kind.POSTGRES) {
            return; // H2 keeps one table
        }
        Instant now = Instant.now();
        // This month's partitions and the months ahead exist in every test database (the migration makes them).
        List<String> all = jdbc.sql("select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid "
                + "join pg_class p on p.oid = i.inhparent where p.relname in ('listening_response', 'listening_answer')")
                .query(String.class).list();
        assertThat(all).hasSizeGreaterThanOrEqualTo(8);

        Set<String> named = new TreeSet<>();
        jdbc.sql("explain " + ResponseComments.BY_KEYS).param("ids", List.of(UUID.randomUUID(), UUID.randomUUID()))
                .param("first", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .param("last", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .query(String.class).list().forEach(line -> {
                    Matcher partition = PARTITION.matcher(line);
                    while (partition.find()) {
                        named.add(partition.group(1));
                    }
                });
        String month = String.format("p%tY%<tm", now.atOffset(ZoneOffset.UTC));
        assertThat(named).containsExactlyInAnyOrder("listening_response_" + month, "listening_answer_" + month);
    }
}
