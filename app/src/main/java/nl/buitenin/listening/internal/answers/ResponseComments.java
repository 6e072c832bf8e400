package nl.buitenin.listening.internal.answers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.journey.TouchpointId;
import nl.buitenin.listening.AnsweredResponse;
import nl.buitenin.listening.Comment;
import nl.buitenin.listening.Comments;
import nl.buitenin.listening.ResponseKey;
import nl.buitenin.platform.Slices;
import nl.buitenin.privacy.PersonKey;

/** The open comments of completed responses, read for other modules. */
@Repository
@Transactional(readOnly = true)
class ResponseComments implements Comments {

    private static final String SELECT = "select r.id, r.person_key, r.touchpoint_id, r.completed_at, a.question_key, a.text_value "
            + "from listening_answer a join listening_response r on r.id = a.response_id "
            + "where r.status = 'COMPLETED' and a.text_value is not null ";

    private final JdbcClient jdbc;

    ResponseComments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Comment> latest(TouchpointId touchpoint, int limit) {
        if (touchpoint == null) {
            return jdbc.sql(SELECT + "order by r.completed_at desc, r.id, a.question_key limit :limit")
                    .param("limit", limit).query(ResponseComments::comment).list();
        }
        return jdbc.sql(SELECT + "and r.touchpoint_id = :touchpoint order by r.completed_at desc, r.id, a.question_key limit :limit")
                .param("touchpoint", touchpoint.value()).param("limit", limit).query(ResponseComments::comment).list();
    }

    @Override
    public List<Comment> of(UUID response) {
        return jdbc.sql(SELECT + "and r.id = :id order by a.question_key").param("id", response)
                .query(ResponseComments::comment).list();
    }

    @Override
    public Map<UUID, List<Comment>> of(Collection<ResponseKey> responses) {
        Map<UUID, List<Comment>> comments = new LinkedHashMap<>();
        // By the month they are kept in, so that each statement's thousand responses span few months.
        List<ResponseKey> keys = new LinkedHashSet<>(responses).stream().sorted(Comparator.comparing(ResponseKey::createdAt)).toList();
        for (List<ResponseKey> slice : Slices.of(keys, 1000)) {
            // Widened to whole seconds: a key made from a moment in the application may be finer than the stored one
            // (microseconds, rounded), and a bound a microsecond off would lose that response.
            OffsetDateTime first = utc(slice.get(0).createdAt().truncatedTo(ChronoUnit.SECONDS));
            OffsetDateTime last = utc(slice.get(slice.size() - 1).createdAt().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1));
            // The bounds on both tables' partition keys let PostgreSQL prune the other months; without them every id was
            // looked up in every month's index (docs/scaling.md).
            jdbc.sql(BY_KEYS).param("ids", slice.stream().map(ResponseKey::id).toList()).param("first", first).param("last", last)
                    .query(ResponseComments::comment).list()
                    .forEach(c -> comments.computeIfAbsent(c.response(), r -> new ArrayList<>()).add(c));
        }
        return comments;
    }

    static final String BY_KEYS = "select r.id, r.person_key, r.touchpoint_id, r.completed_at, a.question_key, a.text_value "
            + "from listening_answer a join listening_response r on r.id = a.response_id and r.created_at = a.response_created_at "
            + "where r.status = 'COMPLETED' and a.text_value is not null and r.id in (:ids) "
            + "and r.created_at >= :first and r.created_at <= :last and a.response_created_at >= :first and a.response_created_at <= :last "
            + "order by r.id, a.question_key";

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    @Override
    public Optional<AnsweredResponse> answered(UUID response) {
        return jdbc.sql("select id, person_key, touchpoint_id, completed_at from listening_response "
                        + "where id = :id and status = 'COMPLETED'")
                .param("id", response)
                .query((rs, n) -> new AnsweredResponse(rs.getObject(1, UUID.class), person(rs, 2), touchpoint(rs, 3),
                        rs.getObject(4, OffsetDateTime.class).toInstant()))
                .optional();
    }

    private static Comment comment(ResultSet rs, int row) throws SQLException {
        return new Comment(rs.getObject(1, UUID.class), person(rs, 2), touchpoint(rs, 3), rs.getObject(4, OffsetDateTime.class).toInstant(),
                rs.getString(5), rs.getString(6));
    }

    private static PersonKey person(ResultSet rs, int column) throws SQLException {
        String key = rs.getString(column);
        return key == null ? null : new PersonKey(key);
    }

    private static TouchpointId touchpoint(ResultSet rs, int column) throws SQLException {
        UUID id = rs.getObject(column, UUID.class);
        return id == null ? null : new TouchpointId(id);
    }
}
