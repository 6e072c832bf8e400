package nl.buitenin.listening.internal.answers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.buitenin.journey.TouchpointId;
import nl.buitenin.listening.SurveyId;
import nl.buitenin.privacy.PersonKey;

/** Responses and their answers. */
@Repository
public class JdbcResponses {

    private final JdbcClient jdbc;
    private final GoneSources gone;

    JdbcResponses(JdbcClient jdbc, GoneSources gone) {
        this.jdbc = jdbc;
        this.gone = gone;
    }

    /** A new response for a source; returns empty (and stores nothing) when the source already has one. */
    public Optional<UUID> create(SurveyId survey, TouchpointId touchpoint, PersonKey person, String sourceRef,
            ResponseChannel channel, String language, ResponseStatus status, Instant invitedAt, Instant expiresAt) {
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("insert into listening_response (id, survey_id, touchpoint_id, person_key, source_ref, channel, "
                        + "language, status, invited_at, expires_at) values (:id, :survey, :touchpoint, :person, :source, "
                        + ":channel, :language, :status, :invited, :expires) on conflict do nothing")
                .param("id", id).param("survey", survey.value())
                .param("touchpoint", touchpoint == null ? null : touchpoint.value())
                .param("person", person == null ? null : person.value())
                .param("source", sourceRef).param("channel", channel.name()).param("language", language)
                .param("status", status.name()).param("invited", utc(invitedAt)).param("expires", utc(expiresAt))
                .update();
        return inserted == 1 ? Optional.of(id) : Optional.empty();
    }

    /** Marks a response as coming through a widget site, whose origins may frame its answer page. */
    public void cameThrough(UUID response, UUID site) {
        jdbc.sql("update listening_response set site_id = :site where id = :id").param("site", site).param("id", response).update();
    }

    public Optional<UUID> siteOf(UUID response) {
        return jdbc.sql("select site_id from listening_response where id = :id").param("id", response)
                .query((rs, n) -> Optional.ofNullable(rs.getObject(1, UUID.class))).optional().flatMap(site -> site);
    }

    public Optional<Response> byId(UUID id) {
        return jdbc.sql("select * from listening_response where id = :id").param("id", id)
                .query((rs, n) -> read(rs)).optional()
                .map(r -> new Response(r.id(), r.survey(), r.touchpoint(), r.person(), r.sourceRef(), r.channel(), r.language(),
                        r.status(), r.invitedAt(), r.expiresAt(), r.completedAt(), answersOf(id)));
    }

    public Optional<UUID> bySource(String sourceRef) {
        return jdbc.sql("select id from listening_response where source_ref = :source").param("source", sourceRef)
                .query(UUID.class).optional();
    }

    /** Replaces the answers of a response that is not completed; returns false when it was completed meanwhile. */
    public boolean saveAnswers(UUID id, List<GivenAnswer> answers, ResponseStatus newStatus, Instant now) {
        int changed = jdbc.sql("update listening_response set status = :status, "
                        + "started_at = coalesce(started_at, :now), completed_at = :completed "
                        + "where id = :id and status <> 'COMPLETED'")
                .param("status", newStatus.name()).param("now", utc(now))
                .param("completed", newStatus == ResponseStatus.COMPLETED ? utc(now) : null)
                .param("id", id).update();
        if (changed != 1) {
            return false;
        }
        jdbc.sql("delete from listening_answer where response_id = :id").param("id", id).update();
        for (GivenAnswer answer : answers) {
            jdbc.sql("insert into listening_answer (response_id, question_key, score, choices, text_value) "
                            + "values (:id, :key, :score, :choices, :text)")
                    .param("id", id).param("key", answer.questionKey()).param("score", answer.score())
                    .param("choices", answer.choices().isEmpty() ? null : String.join("\n", answer.choices()))
                    .param("text", answer.text())
                    .update();
        }
        return true;
    }

    public List<GivenAnswer> answersOf(UUID response) {
        return jdbc.sql("select question_key, score, choices, text_value from listening_answer where response_id = :id "
                        + "order by question_key")
                .param("id", response)
                .query((rs, n) -> new GivenAnswer(rs.getString(1), (Integer) rs.getObject(2),
                        rs.getString(3) == null ? List.of() : Arrays.asList(rs.getString(3).split("\n")), rs.getString(4)))
                .list();
    }

    /**
     * E-mail invitations that may be due for their one reminder: not answered, invited before {@code invitedBefore},
     * still valid at {@code now}, of a person still known, never reminded, and not looked at since {@code checkedBefore}.
     */
    public List<UUID> dueForReminder(Instant invitedBefore, Instant now, Instant checkedBefore, int limit) {
        return jdbc.sql("select id from listening_response where status <> 'COMPLETED' and channel = 'EMAIL' "
                        + "and person_key is not null and reminder_status is null and invited_at <= :invitedBefore "
                        + "and expires_at > :now and (reminder_checked_at is null or reminder_checked_at < :checkedBefore) "
                        + "order by invited_at limit " + limit)
                .param("invitedBefore", utc(invitedBefore)).param("now", utc(now)).param("checkedBefore", utc(checkedBefore))
                .query(UUID.class).list();
    }

    /**
     * Claims a response for a reminder decision with a conditional update, so that of several nodes running the
     * job at once only one goes on; false when another one got there first (or it no longer qualifies).
     */
    public boolean claimForReminder(UUID id, Instant now, Instant checkedBefore) {
        return jdbc.sql("update listening_response set reminder_checked_at = :now where id = :id and reminder_status is null "
                        + "and status <> 'COMPLETED' and person_key is not null "
                        + "and (reminder_checked_at is null or reminder_checked_at < :checkedBefore)")
                .param("now", utc(now)).param("id", id).param("checkedBefore", utc(checkedBefore)).update() == 1;
    }

    /** What became of the reminder: SENT, REFUSED or NO_ADDRESS; final, a response gets no second reminder. */
    public void settleReminder(UUID id, String outcome) {
        jdbc.sql("update listening_response set reminder_status = :outcome where id = :id")
                .param("outcome", outcome).param("id", id).update();
    }

    /** SENT, REFUSED, NO_ADDRESS, or null while no reminder was decided. */
    public String reminderStatus(UUID id) {
        return jdbc.sql("select reminder_status from listening_response where id = :id").param("id", id)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(status -> status).orElse(null);
    }

    /** The latest free-text answers at a touchpoint, newest first, with when they were given. */
    public List<Comment> latestComments(TouchpointId touchpoint, int limit) {
        return jdbc.sql("select r.id, r.person_key, r.completed_at, a.question_key, a.text_value from listening_answer a "
                        + "join listening_response r on r.id = a.response_id where r.touchpoint_id = :touchpoint "
                        + "and r.status = 'COMPLETED' and a.text_value is not null order by r.completed_at desc limit " + limit)
                .param("touchpoint", touchpoint.value())
                .query((rs, n) -> new Comment(rs.getObject(1, UUID.class),
                        rs.getString(2) == null ? null : new PersonKey(rs.getString(2)),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4), rs.getString(5)))
                .list();
    }

    /** A free-text answer. */
    public record Comment(UUID response, PersonKey person, Instant at, String questionKey, String text) {
    }

    /** Everything a person answered, for their export. */
    public List<UUID> responsesOf(PersonKey person) {
        return jdbc.sql("select id from listening_response where person_key = :person order by invited_at")
                .param("person", person.value()).query(UUID.class).list();
    }

    /** Scrubs a forgotten person's free text and drops their key; scores stay as anonymous answers. */
    public void forget(PersonKey person, java.util.function.UnaryOperator<String> scrub) {
        List<UUID> responses = responsesOf(person);
        for (UUID response : responses) {
            List<Object[]> texts = jdbc.sql("select question_key, text_value from listening_answer where response_id = :id "
                            + "and text_value is not null").param("id", response)
                    .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2)}).list();
            for (Object[] text : texts) {
                jdbc.sql("update listening_answer set text_value = :text where response_id = :id and question_key = :key")
                        .param("text", scrub.apply((String) text[1])).param("id", response).param("key", text[0]).update();
            }
        }
        gone.remember(jdbc.sql("select source_ref from listening_response where person_key = :person").param("person", person.value())
                .query(String.class).list(), GoneSources.Reason.FORGOTTEN);
        jdbc.sql("update listening_response set person_key = null, source_ref = 'forgotten:' || id where person_key = :person")
                .param("person", person.value()).update();
    }

    private static Response read(ResultSet rs) throws SQLException {
        UUID touchpoint = rs.getObject("touchpoint_id", UUID.class);
        String person = rs.getString("person_key");
        return new Response(rs.getObject("id", UUID.class), new SurveyId(rs.getObject("survey_id", UUID.class)),
                touchpoint == null ? null : new TouchpointId(touchpoint), person == null ? null : new PersonKey(person),
                rs.getString("source_ref"), ResponseChannel.valueOf(rs.getString("channel")), rs.getString("language"),
                ResponseStatus.valueOf(rs.getString("status")), instant(rs, "invited_at"), instant(rs, "expires_at"),
                instant(rs, "completed_at"), List.of());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
