package nl.buitenin.assumptions.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.buitenin.assumptions.Verdict;
import nl.buitenin.insight.Estimate;
import nl.buitenin.journey.JourneyId;
import nl.buitenin.journey.TouchpointId;

/** Assumptions in {@code assumptions_assumption}: the statement, its test and its last outcome in one row. */
@Repository
public class JdbcAssumptions {

    private static final String COLUMNS = "id, statement, department, owner, journey_id, touchpoint_id, workshop_id, created_at, "
            + "test_kind, test_measure, test_theme, test_survey, test_question, test_pilot, expectation, expected_low, expected_high, "
            + "period_from, period_to, verdict, verdict_why, evidence_n, evidence_value, evidence_lower, evidence_upper, "
            + "rival_nl, rival_en, rival_lower, rival_upper, tested_at";

    private final JdbcClient jdbc;

    JdbcAssumptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(UUID id, String statement, String department, @Nullable String owner, JourneyId journey,
            @Nullable TouchpointId touchpoint, @Nullable UUID workshop, Instant at) {
        jdbc.sql("insert into assumptions_assumption (id, statement, department, owner, journey_id, touchpoint_id, workshop_id, "
                + "created_at) values (:id, :statement, :department, :owner, :journey, :touchpoint, :workshop, :at)")
                .param("id", id).param("statement", statement).param("department", department).param("owner", owner)
                .param("journey", journey.value()).param("touchpoint", touchpoint == null ? null : touchpoint.value())
                .param("workshop", workshop).param("at", utc(at)).update();
    }

    /** Marks the oldest assumption with this statement on the journey that came from no workshop as the workshop's. */
    public java.util.Optional<UUID> adopt(String statement, JourneyId journey, UUID workshop) {
        java.util.Optional<UUID> id = jdbc.sql("select id from assumptions_assumption where statement = :statement and journey_id = :journey "
                + "and workshop_id is null order by created_at, id").param("statement", statement).param("journey", journey.value())
                .query(UUID.class).list().stream().findFirst();
        id.ifPresent(found -> jdbc.sql("update assumptions_assumption set workshop_id = :workshop where id = :id")
                .param("workshop", workshop).param("id", found).update());
        return id;
    }

    /** Staff members who own assumptions are people: their user name goes when they are erased; the assumption stays. */
    public int forgetOwner(String owner) {
        return jdbc.sql("update assumptions_assumption set owner = null where owner = :owner").param("owner", owner).update();
    }

    /** Sets the test and forgets the last outcome, which was of another test. */
    public void setTest(UUID id, AssumptionTest test) {
        jdbc.sql("update assumptions_assumption set test_kind = :kind, test_measure = :measure, test_theme = :theme, "
                + "test_survey = :survey, test_question = :question, test_pilot = :pilot, expectation = :expectation, expected_low = :low, "
                + "expected_high = :high, period_from = :from, period_to = :to, verdict = null, verdict_why = null, evidence_n = null, "
                + "evidence_value = null, evidence_lower = null, evidence_upper = null, rival_nl = null, rival_en = null, "
                + "rival_lower = null, rival_upper = null, tested_at = null where id = :id")
                .param("id", id).param("kind", test.kind().name()).param("measure", test.measure()).param("theme", test.theme())
                .param("survey", test.survey()).param("question", test.question()).param("pilot", test.pilot()).param("expectation", test.expectation().name())
                .param("low", test.low()).param("high", test.high()).param("from", test.from()).param("to", test.to()).update();
    }

    public void record(UUID id, Outcome outcome) {
        Estimate figure = outcome.figure();
        Outcome.Rival rival = outcome.rival();
        jdbc.sql("update assumptions_assumption set verdict = :verdict, verdict_why = :why, evidence_n = :n, evidence_value = :value, "
                + "evidence_lower = :lower, evidence_upper = :upper, rival_nl = :rivalNl, rival_en = :rivalEn, rival_lower = :rivalLower, "
                + "rival_upper = :rivalUpper, tested_at = :at where id = :id")
                .param("id", id).param("verdict", outcome.verdict().name()).param("why", outcome.why().name()).param("n", outcome.n())
                .param("value", figure == null ? null : figure.value()).param("lower", figure == null ? null : figure.lower())
                .param("upper", figure == null ? null : figure.upper())
                .param("rivalNl", rival == null ? null : rival.nameNl()).param("rivalEn", rival == null ? null : rival.nameEn())
                .param("rivalLower", rival == null ? null : rival.lower()).param("rivalUpper", rival == null ? null : rival.upper())
                .param("at", utc(outcome.testedAt())).update();
    }

    public Optional<Assumption> byId(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from assumptions_assumption where id = :id").param("id", id)
                .query((rs, n) -> assumption(rs)).optional();
    }

    /** Newest first. */
    public List<Assumption> all() {
        return jdbc.sql("select " + COLUMNS + " from assumptions_assumption order by created_at desc, id").query((rs, n) -> assumption(rs))
                .list();
    }

    /** The assumptions a user owns, newest first. */
    public List<Assumption> ownedBy(String owner) {
        return jdbc.sql("select " + COLUMNS + " from assumptions_assumption where owner = :owner order by created_at desc, id")
                .param("owner", owner).query((rs, n) -> assumption(rs)).list();
    }

    /** A workshop's assumptions, oldest first. */
    public List<Assumption> ofWorkshop(UUID workshop) {
        return jdbc.sql("select " + COLUMNS + " from assumptions_assumption where workshop_id = :workshop order by created_at, id")
                .param("workshop", workshop).query((rs, n) -> assumption(rs)).list();
    }

    private static Assumption assumption(ResultSet rs) throws SQLException {
        UUID touchpoint = rs.getObject("touchpoint_id", UUID.class);
        return new Assumption(rs.getObject("id", UUID.class), rs.getString("statement"), rs.getString("department"), rs.getString("owner"),
                new JourneyId(rs.getObject("journey_id", UUID.class)), touchpoint == null ? null : new TouchpointId(touchpoint),
                rs.getObject("workshop_id", UUID.class), rs.getObject("created_at", OffsetDateTime.class).toInstant(), test(rs), outcome(rs));
    }

    private static @Nullable AssumptionTest test(ResultSet rs) throws SQLException {
        String kind = rs.getString("test_kind");
        if (kind == null) {
            return null;
        }
        return new AssumptionTest(TestKind.valueOf(kind), rs.getString("test_measure"), rs.getObject("test_theme", UUID.class),
                rs.getObject("test_survey", UUID.class), rs.getString("test_question"), rs.getObject("test_pilot", UUID.class), Expectation.valueOf(rs.getString("expectation")),
                number(rs, "expected_low"), number(rs, "expected_high"), rs.getObject("period_from", LocalDate.class),
                rs.getObject("period_to", LocalDate.class));
    }

    private static @Nullable Outcome outcome(ResultSet rs) throws SQLException {
        String verdict = rs.getString("verdict");
        if (verdict == null) {
            return null;
        }
        Double value = number(rs, "evidence_value");
        long n = rs.getLong("evidence_n");
        Estimate figure = value == null ? null : new Estimate(n, value, rs.getDouble("evidence_lower"), rs.getDouble("evidence_upper"));
        String rivalNl = rs.getString("rival_nl");
        Outcome.Rival rival = rivalNl == null ? null
                : new Outcome.Rival(rivalNl, rs.getString("rival_en"), rs.getDouble("rival_lower"), rs.getDouble("rival_upper"));
        return new Outcome(Verdict.valueOf(verdict), Why.valueOf(rs.getString("verdict_why")), n, figure, rival,
                rs.getObject("tested_at", OffsetDateTime.class).toInstant());
    }

    private static @Nullable Double number(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static @Nullable OffsetDateTime utc(@Nullable Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}
