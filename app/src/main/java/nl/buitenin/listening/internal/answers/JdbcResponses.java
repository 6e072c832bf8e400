package nl.buitenin.listening.internal.answers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.journey.TouchpointId;
import nl.buitenin.listening.SurveyId;
import nl.buitenin.platform.BulkInsert;
import nl.buitenin.privacy.PersonKey;

/**
 * Responses and their answers: the one writer of {@code listening_response}, {@code listening_response_key} and
 * {@code listening_answer}. Invitations and widget tickets {@link #create} a response; {@link Completions} completes
 * responses through {@link #complete}.
 * <p>
 * A response's {@code created_at} is set once, at its insert (the invitation's time, or the completion's for a response
 * stored completed), and its answers carry it: on PostgreSQL both tables are partitioned by month of it. One response
 * per source reference is kept by claiming the reference in {@code listening_response_key} first (docs/scaling.md).
 */
@Repository
public class JdbcResponses {

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final GoneSources gone;

    JdbcResponses(JdbcClient jdbc, JdbcTemplate batches, GoneSources gone) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.gone = gone;
    }

    /** A new response for a source; returns empty (and stores nothing) when the source already has one. */
    @Transactional
    public Optional<UUID> create(SurveyId survey, TouchpointId touchpoint, PersonKey person, String sourceRef,
            ResponseChannel channel, String language, ResponseStatus status, Instant invitedAt, Instant expiresAt) {
        return create(survey, touchpoint, person, sourceRef, channel, language, status, invitedAt, expiresAt, null, null);
    }

    /**
     * A new response for a source, about a contact in which {@code staff} of {@code team} served the person (either may be
     * null); returns empty (and stores nothing) when the source already has one.
     */
    @Transactional
    public Optional<UUID> create(SurveyId survey, TouchpointId touchpoint, PersonKey person, String sourceRef,
            ResponseChannel channel, String language, ResponseStatus status, Instant invitedAt, Instant expiresAt,
            @Nullable String staff, @Nullable String team) {
        UUID id = UUID.randomUUID();
        Instant createdAt = invitedAt != null ? invitedAt : Instant.now();
        int claimed = jdbc.sql("insert into listening_response_key (source_ref, id, created_at) values (:source, :id, :created) "
                        + "on conflict do nothing")
                .param("source", sourceRef).param("id", id).param("created", utc(createdAt)).update();
        if (claimed != 1) {
            return Optional.empty();
        }
        jdbc.sql("insert into listening_response (id, survey_id, touchpoint_id, person_key, source_ref, channel, "
                        + "language, status, invited_at, expires_at, staff_ref, team, created_at) values (:id, :survey, :touchpoint, :person, "
                        + ":source, :channel, :language, :status, :invited, :expires, :staff, :team, :created)")
                .param("staff", staff).param("team", team)
                .param("id", id).param("survey", survey.value())
                .param("touchpoint", touchpoint == null ? null : touchpoint.value())
                .param("person", person == null ? null : person.value())
                .param("source", sourceRef).param("channel", channel.name()).param("language", language)
                .param("status", status.name()).param("invited", utc(invitedAt)).param("expires", utc(expiresAt))
                .param("created", utc(createdAt))
                .update();
        return Optional.of(id);
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
        return jdbc.sql("select id from listening_response_key where source_ref = :source").param("source", sourceRef)
                .query(UUID.class).optional();
    }

    /** Replaces the answers of a response that is not completed; returns false when it was completed meanwhile. */
    public boolean saveDraft(UUID id, List<GivenAnswer> answers, Instant now) {
        int changed = jdbc.sql("update listening_response set status = :status, started_at = coalesce(started_at, :now) "
                        + "where id = :id and status <> 'COMPLETED'")
                .param("status", ResponseStatus.STARTED.name()).param("now", utc(now)).param("id", id).update();
        if (changed != 1) {
            return false;
        }
        jdbc.sql("delete from listening_answer where response_id = :id").param("id", id).update();
        Instant createdAt = createdAt(List.of(id)).get(id);
        ANSWERS.write(batches, answers.stream().map(answer -> new AnswerRow(id, createdAt, answer)).toList());
        return true;
    }

    /**
     * A response completed now: one invited before ({@code invited}, stored and not completed yet) or a new one that
     * is stored completed at once (the answers API, imports, the demo's history).
     */
    public record Completing(UUID id, boolean invited, SurveyId survey, TouchpointId touchpoint, PersonKey person, String sourceRef,
            ResponseChannel channel, String language, Instant invitedAt, Instant expiresAt, Instant at, List<GivenAnswer> answers,
            @Nullable String staff, @Nullable String team) {

        public Completing {
            answers = List.copyOf(answers);
        }

        /** A response without a staff reference and team (an invited one keeps those it was created with). */
        public Completing(UUID id, boolean invited, SurveyId survey, TouchpointId touchpoint, PersonKey person, String sourceRef,
                ResponseChannel channel, String language, Instant invitedAt, Instant expiresAt, Instant at, List<GivenAnswer> answers) {
            this(id, invited, survey, touchpoint, person, sourceRef, channel, language, invitedAt, expiresAt, at, answers, null, null);
        }

        /** When the response came to be, if it is stored now: invited before, or completed now. */
        Instant createdAt() {
            return invitedAt != null ? invitedAt : at;
        }
    }

    private record AnswerRow(UUID response, Instant responseCreatedAt, GivenAnswer answer) {
    }

    /** A new response stored completed; a source that has a response already keeps it (a retry creates nothing). */
    private static final BulkInsert<Completing> COMPLETED = BulkInsert.<Completing>into("listening_response")
            .column("id", BulkInsert.Type.UUID, Completing::id)
            .column("survey_id", BulkInsert.Type.UUID, c -> c.survey().value())
            .column("touchpoint_id", BulkInsert.Type.UUID, c -> c.touchpoint() == null ? null : c.touchpoint().value())
            .column("person_key", BulkInsert.Type.TEXT, c -> c.person() == null ? null : c.person().value())
            .column("source_ref", BulkInsert.Type.TEXT, Completing::sourceRef)
            .column("channel", BulkInsert.Type.TEXT, c -> c.channel().name())
            .column("language", BulkInsert.Type.TEXT, Completing::language)
            .column("status", BulkInsert.Type.TEXT, c -> ResponseStatus.COMPLETED.name())
            .column("invited_at", BulkInsert.Type.TIMESTAMP, Completing::invitedAt)
            .column("started_at", BulkInsert.Type.TIMESTAMP, Completing::at)
            .column("completed_at", BulkInsert.Type.TIMESTAMP, Completing::at)
            .column("expires_at", BulkInsert.Type.TIMESTAMP, Completing::expiresAt)
            .column("staff_ref", BulkInsert.Type.TEXT, Completing::staff)
            .column("team", BulkInsert.Type.TEXT, Completing::team)
            .column("created_at", BulkInsert.Type.TIMESTAMP, Completing::createdAt)
            .claimedIn("listening_response_key", "source_ref", "id", "created_at")
            .ifAbsent("id");

    private static final BulkInsert<AnswerRow> ANSWERS = BulkInsert.<AnswerRow>into("listening_answer")
            .column("response_id", BulkInsert.Type.UUID, AnswerRow::response)
            .column("response_created_at", BulkInsert.Type.TIMESTAMP, AnswerRow::responseCreatedAt)
            .column("question_key", BulkInsert.Type.TEXT, a -> a.answer().questionKey())
            .column("score", BulkInsert.Type.INTEGER, a -> a.answer().score())
            .column("choices", BulkInsert.Type.TEXT, a -> a.answer().choices().isEmpty() ? null : String.join("\n", a.answer().choices()))
            .column("text_value", BulkInsert.Type.TEXT, a -> a.answer().text())
            .plain();

    /**
     * Stores the completed responses and their answers and returns those completed now, in the order given, each with
     * when it was stored first (its {@code created_at}): a new one whose source has a response already, or an invited one
     * completed meanwhile, is left out. On PostgreSQL a batch of new responses is two statements, whatever its size.
     */
    public Map<UUID, Instant> complete(List<Completing> batch) {
        List<Completing> fresh = new ArrayList<>();
        List<Completing> invited = new ArrayList<>();
        batch.forEach(c -> (c.invited() ? invited : fresh).add(c));
        Set<UUID> done = new HashSet<>();
        COMPLETED.write(batches, fresh).forEach(c -> done.add(c.id()));
        if (!invited.isEmpty()) {
            int[] changed = batches.batchUpdate("update listening_response set status = 'COMPLETED', started_at = coalesce(started_at, ?), "
                    + "completed_at = ? where id = ? and status <> 'COMPLETED'", invited.stream()
                    .map(c -> new Object[] {utc(c.at()), utc(c.at()), c.id()}).toList());
            List<Object[]> completedNow = new ArrayList<>();
            for (int i = 0; i < changed.length; i++) {
                if (changed[i] > 0) {
                    done.add(invited.get(i).id());
                    completedNow.add(new Object[] {invited.get(i).id()});
                }
            }
            // Drop what was saved as a draft: the sent answers replace it.
            if (!completedNow.isEmpty()) {
                batches.batchUpdate("delete from listening_answer where response_id = ?", completedNow);
            }
        }
        List<Completing> completed = batch.stream().filter(c -> done.contains(c.id())).toList();
        // An invited response came to be when it was stored, which the caller's invitedAt may not say exactly.
        Map<UUID, Instant> createdAt = createdAt(completed.stream().filter(Completing::invited).map(Completing::id).toList());
        Map<UUID, Instant> stored = new LinkedHashMap<>();
        completed.forEach(c -> stored.put(c.id(), c.invited() ? createdAt.get(c.id()) : c.createdAt()));
        List<AnswerRow> answers = new ArrayList<>();
        completed.forEach(c -> c.answers().forEach(answer -> answers.add(new AnswerRow(c.id(), stored.get(c.id()), answer))));
        ANSWERS.write(batches, answers);
        return stored;
    }

    private Map<UUID, Instant> createdAt(List<UUID> responses) {
        Map<UUID, Instant> found = new HashMap<>();
        for (int from = 0; from < responses.size(); from += 500) {
            jdbc.sql("select id, created_at from listening_response where id in (:ids)")
                    .param("ids", responses.subList(from, Math.min(responses.size(), from + 500)))
                    .query(rs -> {
                        found.put(rs.getObject(1, UUID.class), rs.getObject(2, OffsetDateTime.class).toInstant());
                    });
        }
        return found;
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
        return jdbc.sql(DUE_FOR_REMINDER).param("invitedBefore", utc(invitedBefore)).param("now", utc(now))
                .param("checkedBefore", utc(checkedBefore)).param("limit", limit).query(UUID.class).list();
    }

    /**
     * The statement of {@link #dueForReminder}; on PostgreSQL a partial index holds only the invitations still open
     * (vendor migration V17_4_1), since an index cannot serve {@code status <> 'COMPLETED'} and each run would read every
     * month's partition.
     */
    static final String DUE_FOR_REMINDER = "select id from listening_response where status <> 'COMPLETED' and channel = 'EMAIL' "
            + "and person_key is not null and reminder_status is null and invited_at <= :invitedBefore "
            + "and expires_at > :now and (reminder_checked_at is null or reminder_checked_at < :checkedBefore) "
            + "order by invited_at limit :limit";

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

    /**
     * The latest free-text answers at a touchpoint completed from {@code from} (included) to {@code to} (excluded),
     * newest first; with a language ("nl", "en") only answers given in it.
     */
    public List<Comment> latestComments(TouchpointId touchpoint, Instant from, Instant to, @Nullable String language, int limit) {
        return jdbc.sql("select r.id, r.person_key, r.completed_at, a.question_key, a.text_value from listening_answer a "
                        + "join listening_response r on r.id = a.response_id where r.touchpoint_id = :touchpoint "
                        + "and r.status = 'COMPLETED' and a.text_value is not null "
                        + "and r.completed_at >= :from and r.completed_at < :to "
                        + (language == null ? "" : "and r.language = :language ")
                        + "order by r.completed_at desc limit " + limit)
                .param("touchpoint", touchpoint.value())
                .param("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .param("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
                .params(language == null ? java.util.Map.of() : java.util.Map.of("language", language))
                .query((rs, n) -> new Comment(rs.getObject(1, UUID.class),
                        rs.getString(2) == null ? null : new PersonKey(rs.getString(2)),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4), rs.getString(5)))
                .list();
    }

    /** A free-text answer of a completed response with its touchpoint, for an export of a period. */
    public record PeriodComment(UUID response, @Nullable PersonKey person, TouchpointId touchpoint, Instant at, String questionKey,
            String text) {
    }

    /** The free-text answers of responses completed in [from, until) at any touchpoint, oldest first. */
    public List<PeriodComment> commentsBetween(Instant from, Instant until) {
        return jdbc.sql("select r.id, r.person_key, r.touchpoint_id, r.completed_at, a.question_key, a.text_value from listening_answer a "
                        + "join listening_response r on r.id = a.response_id where r.status = 'COMPLETED' and r.touchpoint_id is not null "
                        + "and r.completed_at >= :from and r.completed_at < :until and a.text_value is not null "
                        + "order by r.completed_at, r.id, a.question_key")
                .param("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .param("until", OffsetDateTime.ofInstant(until, ZoneOffset.UTC))
                .query((rs, n) -> new PeriodComment(rs.getObject(1, UUID.class),
                        rs.getString(2) == null ? null : new PersonKey(rs.getString(2)), new TouchpointId(rs.getObject(3, UUID.class)),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5), rs.getString(6)))
                .list();
    }

    /** When each response completed in [from, until) at a touchpoint did, by touchpoint: the people in a period's cell. */
    public Map<TouchpointId, List<Instant>> completionsBetween(Instant from, Instant until) {
        Map<TouchpointId, List<Instant>> found = new HashMap<>();
        jdbc.sql("select touchpoint_id, completed_at from listening_response where status = 'COMPLETED' and touchpoint_id is not null "
                        + "and completed_at >= :from and completed_at < :until")
                .param("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .param("until", OffsetDateTime.ofInstant(until, ZoneOffset.UTC))
                .query(rs -> {
                    found.computeIfAbsent(new TouchpointId(rs.getObject(1, UUID.class)), t -> new ArrayList<>())
                            .add(rs.getObject(2, OffsetDateTime.class).toInstant());
                });
        return found;
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
        rewriteSources(jdbc, "forgotten:", "person_key = :person", Map.of("person", person.value()));
    }

    /**
     * Drops the person from the responses that match {@code where} and replaces their source references by
     * {@code prefix} and the response's id, in the responses and in their claims alike (the gone reference is
     * remembered apart, in {@link GoneSources}).
     */
    static void rewriteSources(JdbcClient jdbc, String prefix, String where, Map<String, ?> params) {
        jdbc.sql("update listening_response_key set source_ref = :prefix || cast(id as varchar(36)) where id in "
                        + "(select id from listening_response where " + where + ")")
                .params(params).param("prefix", prefix).update();
        jdbc.sql("update listening_response set person_key = null, source_ref = :prefix || cast(id as varchar(36)) where " + where)
                .params(params).param("prefix", prefix).update();
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
