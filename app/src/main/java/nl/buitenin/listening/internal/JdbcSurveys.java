package nl.buitenin.listening.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.buitenin.journey.TouchpointId;
import nl.buitenin.listening.SurveyId;
import nl.buitenin.platform.ConflictException;

/** Survey versions in {@code listening_survey}; the definition is stored in the documented JSON format. */
@Repository
public class JdbcSurveys {

    /** A line of the survey list: the newest version of each survey. */
    public record Summary(SurveyId id, UUID lineage, int version, SurveyStatus status, String titleNl, String titleEn, Instant createdAt,
            Instant publishedAt) {

        public String title(String language) {
            return "en".equals(language) ? titleEn : titleNl;
        }
    }

    private final JdbcClient jdbc;

    JdbcSurveys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(Survey survey) {
        jdbc.sql("insert into listening_survey (id, lineage, version, status, title_nl, title_en, definition, created_at, published_at) "
                        + "values (:id, :lineage, :version, :status, :nl, :en, :definition, :created, :published)")
                .param("id", survey.id().value()).param("lineage", survey.lineage()).param("version", survey.version())
                .param("status", survey.status().name()).param("nl", survey.definition().title().nl())
                .param("en", survey.definition().title().en()).param("definition", json(survey))
                .param("created", utc(survey.createdAt())).param("published", utc(survey.publishedAt()))
                .update();
        saveTouchpoints(survey);
    }

    /** Stores a changed draft, or a draft that was just published; a row that is already published is never touched. */
    public void update(Survey survey) {
        int changed = jdbc.sql("update listening_survey set status = :status, title_nl = :nl, title_en = :en, definition = :definition, "
                        + "published_at = :published where id = :id and status = 'DRAFT'")
                .param("status", survey.status().name()).param("nl", survey.definition().title().nl())
                .param("en", survey.definition().title().en()).param("definition", json(survey))
                .param("published", utc(survey.publishedAt())).param("id", survey.id().value())
                .update();
        if (changed != 1) {
            throw new ConflictException("listening.conflict.surveyFixed", survey.id());
        }
        jdbc.sql("delete from listening_survey_touchpoint where survey_id = :id").param("id", survey.id().value()).update();
        saveTouchpoints(survey);
    }

    public Optional<Survey> byId(SurveyId id) {
        return jdbc.sql("select id, lineage, version, status, definition, created_at, published_at from listening_survey where id = :id")
                .param("id", id.value()).query(this::survey).optional();
    }

    /** The newest version of every survey, newest first. */
    public List<Summary> latestVersions() {
        return jdbc.sql("select id, lineage, version, status, title_nl, title_en, created_at, published_at from listening_survey s "
                        + "where version = (select max(version) from listening_survey v where v.lineage = s.lineage) "
                        + "order by created_at desc, title_nl")
                .query(JdbcSurveys::summary).list();
    }

    public List<Summary> versions(UUID lineage) {
        return jdbc.sql("select id, lineage, version, status, title_nl, title_en, created_at, published_at from listening_survey "
                        + "where lineage = :lineage order by version desc")
                .param("lineage", lineage).query(JdbcSurveys::summary).list();
    }

    /** The newest published version for a touchpoint, the one an invitation for it sends. */
    public Optional<Survey> publishedFor(TouchpointId touchpoint) {
        return jdbc.sql("select s.id, s.lineage, s.version, s.status, s.definition, s.created_at, s.published_at from listening_survey s "
                        + "join listening_survey_touchpoint t on t.survey_id = s.id "
                        + "where t.touchpoint_id = :touchpoint and s.status = 'PUBLISHED' order by s.published_at desc limit 1")
                .param("touchpoint", touchpoint.value()).query(this::survey).optional();
    }

    /** Of the given touchpoints, those with a published survey: one query for a whole batch of interactions. */
    public java.util.Set<TouchpointId> withPublishedSurvey(java.util.Collection<TouchpointId> touchpoints) {
        if (touchpoints.isEmpty()) {
            return java.util.Set.of();
        }
        List<UUID> ids = touchpoints.stream().map(TouchpointId::value).distinct().toList();
        return java.util.Set.copyOf(jdbc.sql("select distinct t.touchpoint_id from listening_survey_touchpoint t "
                        + "join listening_survey s on s.id = t.survey_id where s.status = 'PUBLISHED' and t.touchpoint_id in (:touchpoints)")
                .param("touchpoints", ids).query((rs, row) -> new TouchpointId(rs.getObject(1, UUID.class))).list());
    }

    private void saveTouchpoints(Survey survey) {
        for (TouchpointId touchpoint : survey.definition().touchpoints()) {
            jdbc.sql("insert into listening_survey_touchpoint (survey_id, touchpoint_id) values (:survey, :touchpoint)")
                    .param("survey", survey.id().value()).param("touchpoint", touchpoint.value()).update();
        }
    }

    private Survey survey(ResultSet rs, int row) throws SQLException {
        return Survey.stored(new SurveyId(rs.getObject("id", UUID.class)), rs.getObject("lineage", UUID.class), rs.getInt("version"),
                SurveyStatus.valueOf(rs.getString("status")), SurveyFormat.readJson(rs.getString("definition")).toDefinition(),
                instant(rs, "created_at"), instant(rs, "published_at"));
    }

    private static Summary summary(ResultSet rs, int row) throws SQLException {
        return new Summary(new SurveyId(rs.getObject("id", UUID.class)), rs.getObject("lineage", UUID.class), rs.getInt("version"),
                SurveyStatus.valueOf(rs.getString("status")), rs.getString("title_nl"), rs.getString("title_en"), instant(rs, "created_at"),
                instant(rs, "published_at"));
    }

    private static String json(Survey survey) {
        return SurveyFormat.writeJson(SurveyFile.of(survey.definition()));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
