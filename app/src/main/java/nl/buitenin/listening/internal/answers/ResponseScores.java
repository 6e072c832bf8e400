package nl.buitenin.listening.internal.answers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.journey.Interactions;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.listening.CompletedResponse;
import nl.buitenin.listening.ScoredResponse;
import nl.buitenin.listening.ScoredResponses;
import nl.buitenin.listening.ScoredSurvey;
import nl.buitenin.listening.SurveyId;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.listening.internal.SurveyQuestion;
import nl.buitenin.listening.internal.SurveyStatus;
import nl.buitenin.privacy.PersonKey;

/** Completed responses with their scores, read for other modules; question types come from the survey version. */
@Repository
@Transactional(readOnly = true)
class ResponseScores implements ScoredResponses {

    private static final String SELECT = "select r.id, r.survey_id, r.person_key, r.touchpoint_id, r.completed_at, r.staff_ref, r.team, "
            + "a.question_key, a.score, r.source_ref, r.created_at from listening_response r "
            // An answer carries its response's created_at (the month both are kept in): joined on the answer's whole key.
            + "join listening_answer a on a.response_id = r.id and a.response_created_at = r.created_at "
            + "where r.status = 'COMPLETED' and a.score is not null and r.completed_at >= :from and r.completed_at < :to ";
    private static final String ORDER = " order by r.completed_at, r.id";

    /** The source reference of a response invited after an interaction (see {@code Invitations.on}). */
    private static final String INTERACTION = "interaction:";

    private final JdbcClient jdbc;
    private final JdbcSurveys surveys;
    private final Interactions interactions;

    ResponseScores(JdbcClient jdbc, JdbcSurveys surveys, Interactions interactions) {
        this.jdbc = jdbc;
        this.surveys = surveys;
        this.interactions = interactions;
    }

    @Override
    public List<ScoredResponse> between(Instant from, Instant to, Set<TouchpointId> touchpoints) {
        if (touchpoints.isEmpty()) {
            return read(jdbc.sql(SELECT + ORDER).param("from", utc(from)).param("to", utc(to)));
        }
        return read(jdbc.sql(SELECT + "and r.touchpoint_id in (:touchpoints)" + ORDER).param("from", utc(from)).param("to", utc(to))
                .param("touchpoints", touchpoints.stream().map(TouchpointId::value).toList()));
    }

    @Override
    public List<ScoredResponse> ofSurvey(SurveyId survey, Instant from, Instant to) {
        return read(jdbc.sql(SELECT + "and r.survey_id in (select s.id from listening_survey s where s.lineage = "
                        + "(select o.lineage from listening_survey o where o.id = :survey))" + ORDER)
                .param("from", utc(from)).param("to", utc(to)).param("survey", survey.value()));
    }

    @Override
    public List<ScoredSurvey> surveys() {
        List<ScoredSurvey> result = new ArrayList<>();
        for (JdbcSurveys.Summary latest : surveys.latestVersions()) {
            // A survey being revised has a draft on top: its newest published version still says what was asked.
            JdbcSurveys.Summary summary = latest.status() == SurveyStatus.PUBLISHED ? latest
                    : surveys.versions(latest.lineage()).stream().filter(v -> v.status() == SurveyStatus.PUBLISHED).findFirst().orElse(null);
            if (summary == null) {
                continue;
            }
            surveys.byId(summary.id()).ifPresent(survey -> {
                List<ScoredSurvey.Question> questions = survey.definition().questions().stream().filter(q -> q.type().isScale())
                        .map(q -> new ScoredSurvey.Question(q.key(), q.type(), q.text().nl(), q.text().en())).toList();
                if (!questions.isEmpty()) {
                    result.add(new ScoredSurvey(survey.id(), summary.titleNl(), summary.titleEn(), questions));
                }
            });
        }
        result.sort(java.util.Comparator.comparing(ScoredSurvey::titleNl));
        return result;
    }

    private List<ScoredResponse> read(JdbcClient.StatementSpec query) {
        Map<UUID, Row> rows = new LinkedHashMap<>();
        query.query((ResultSet rs) -> {
            UUID id = rs.getObject(1, UUID.class);
            Row row = rows.get(id);
            if (row == null) {
                row = Row.of(rs);
                rows.put(id, row);
            }
            row.scores.put(rs.getString(8), rs.getInt(9));
        });
        // The contact a response is about is known for responses invited after a recorded interaction: its time.
        Map<String, Instant> contacts = interactions.occurredAt(rows.values().stream().map(r -> r.source)
                .filter(s -> s != null && s.startsWith(INTERACTION)).map(s -> s.substring(INTERACTION.length())).toList());
        Map<SurveyId, Optional<Survey>> versions = new HashMap<>();
        List<ScoredResponse> result = new ArrayList<>(rows.size());
        for (Row row : rows.values()) {
            Optional<Survey> survey = versions.computeIfAbsent(row.survey, surveys::byId);
            List<CompletedResponse.Score> scores = new ArrayList<>();
            // The survey's question order, so that every reader sees the questions as the respondent did.
            survey.ifPresent(s -> {
                for (SurveyQuestion question : s.definition().questions()) {
                    Integer value = row.scores.get(question.key());
                    if (value != null) {
                        scores.add(new CompletedResponse.Score(question.key(), question.type(), value));
                    }
                }
            });
            if (!scores.isEmpty()) {
                Instant contactAt = row.source != null && row.source.startsWith(INTERACTION)
                        ? contacts.get(row.source.substring(INTERACTION.length())) : null;
                result.add(new ScoredResponse(row.id, row.survey, row.person, row.touchpoint, row.completedAt, row.staff, row.team, scores,
                        contactAt, row.createdAt));
            }
        }
        return result;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** One response while its answer rows are read. */
    private static final class Row {
        private UUID id;
        private SurveyId survey;
        private PersonKey person;
        private TouchpointId touchpoint;
        private Instant completedAt;
        private String staff;
        private String team;
        private String source;
        private Instant createdAt;
        private final Map<String, Integer> scores = new HashMap<>();

        static Row of(ResultSet rs) throws SQLException {
            Row row = new Row();
            row.id = rs.getObject(1, UUID.class);
            row.survey = new SurveyId(rs.getObject(2, UUID.class));
            String person = rs.getString(3);
            row.person = person == null ? null : new PersonKey(person);
            UUID touchpoint = rs.getObject(4, UUID.class);
            row.touchpoint = touchpoint == null ? null : new TouchpointId(touchpoint);
            row.completedAt = rs.getObject(5, OffsetDateTime.class).toInstant();
            row.staff = rs.getString(6);
            row.team = rs.getString(7);
            row.source = rs.getString(10);
            row.createdAt = rs.getObject(11, OffsetDateTime.class).toInstant();
            return row;
        }
    }
}
