package nl.buitenin.signals.internal.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rounds, link batches and anonymous answers of the self-assessment in {@code signals_assessment_*}. The one writer
 * of those tables; nothing in them names a person.
 */
@Repository
public class JdbcAssessment {

    private final JdbcClient jdbc;

    JdbcAssessment(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A batch of links as handed out: for one department and level of one round. */
    public record Batch(UUID id, UUID round, String department, StaffLevel level, int issued) {
    }

    /** Also used by the demo, which writes rounds of the past. */
    public void addRound(AssessmentRound round, Instant now) {
        jdbc.sql("insert into signals_assessment_round (id, name, opens_on, closes_on, created_at) values (:id, :name, :opens, :closes, :now)")
                .param("id", round.id()).param("name", round.name()).param("opens", round.opensOn()).param("closes", round.closesOn())
                .param("now", now.atOffset(ZoneOffset.UTC)).update();
    }

    /** Every round, the latest first. */
    public List<AssessmentRound> rounds() {
        return jdbc.sql("select id, name, opens_on, closes_on from signals_assessment_round order by opens_on desc, name")
                .query((rs, n) -> new AssessmentRound(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class)))
                .list();
    }

    public Optional<AssessmentRound> round(UUID id) {
        return rounds().stream().filter(r -> r.id().equals(id)).findFirst();
    }

    public void addBatch(Batch batch, Instant now) {
        jdbc.sql("""
                insert into signals_assessment_batch (id, round_id, department, level, issued, created_at)
                values (:id, :round, :department, :level, :issued, :now)""")
                .param("id", batch.id()).param("round", batch.round()).param("department", batch.department())
                .param("level", batch.level().name()).param("issued", batch.issued()).param("now", now.atOffset(ZoneOffset.UTC)).update();
    }

    Optional<Batch> batch(UUID id) {
        return jdbc.sql("select id, round_id, department, level, issued from signals_assessment_batch where id = :id").param("id", id)
                .query((rs, n) -> new Batch(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        StaffLevel.valueOf(rs.getString(4)), rs.getInt(5)))
                .optional();
    }

    /** The departments that links were made for, in name order, for suggestions. */
    public List<String> departments() {
        return jdbc.sql("select distinct department from signals_assessment_batch order by department").query(String.class).list();
    }

    /** Links handed out per round. */
    public Map<UUID, Long> issuedPerRound() {
        Map<UUID, Long> issued = new HashMap<>();
        jdbc.sql("select round_id, sum(issued) from signals_assessment_batch group by round_id")
                .query(rs -> {
                    issued.put(rs.getObject(1, UUID.class), rs.getLong(2));
                });
        return issued;
    }

    /** Answers received per round. */
    public Map<UUID, Long> answeredPerRound() {
        Map<UUID, Long> answered = new HashMap<>();
        jdbc.sql("select round_id, count(*) from signals_assessment_response group by round_id")
                .query(rs -> {
                    answered.put(rs.getObject(1, UUID.class), rs.getLong(2));
                });
        return answered;
    }

    public void addAnswer(UUID round, AssessmentAnswer answer) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into signals_assessment_response (id, round_id, department, level) values (:id, :round, :department, :level)")
                .param("id", id).param("round", round).param("department", answer.department()).param("level", answer.level().name())
                .update();
        answer.scores().forEach((statement, score) -> jdbc.sql(
                "insert into signals_assessment_score (response_id, statement, score) values (:id, :statement, :score)")
                .param("id", id).param("statement", statement).param("score", score).update());
    }

    /** Every answer of the given rounds, per round. */
    public Map<UUID, List<AssessmentAnswer>> answers(List<UUID> rounds) {
        if (rounds.isEmpty()) {
            return Map.of();
        }
        record Row(UUID response, UUID round, String department, StaffLevel level, String statement, int score) {
        }
        Map<UUID, UUID> roundOf = new LinkedHashMap<>();
        Map<UUID, AssessmentAnswer> byResponse = new LinkedHashMap<>();
        jdbc.sql("""
                select r.id, r.round_id, r.department, r.level, s.statement, s.score
                from signals_assessment_response r join signals_assessment_score s on s.response_id = r.id
                where r.round_id in (:rounds) order by r.id, s.statement""")
                .param("rounds", rounds)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        StaffLevel.valueOf(rs.getString(4)), rs.getString(5), rs.getInt(6)))
                .list()
                .forEach(row -> {
                    roundOf.put(row.response(), row.round());
                    byResponse.computeIfAbsent(row.response(), id -> new AssessmentAnswer(row.department(), row.level(), new LinkedHashMap<>()))
                            .scores().put(row.statement(), row.score());
                });
        Map<UUID, List<AssessmentAnswer>> perRound = new LinkedHashMap<>();
        rounds.forEach(r -> perRound.put(r, new java.util.ArrayList<>()));
        byResponse.forEach((response, answer) -> perRound.get(roundOf.get(response)).add(answer));
        return perRound;
    }

    /** Links handed out per department of a round. */
    public Map<String, Long> issuedPerDepartment(UUID round) {
        Map<String, Long> issued = new HashMap<>();
        jdbc.sql("select department, sum(issued) from signals_assessment_batch where round_id = :round group by department")
                .param("round", round)
                .query(rs -> {
                    issued.put(rs.getString(1), rs.getLong(2));
                });
        return issued;
    }
}
