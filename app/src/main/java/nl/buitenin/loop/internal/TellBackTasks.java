package nl.buitenin.loop.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.buitenin.loop.ActionId;
import nl.buitenin.platform.ConflictException;
import nl.buitenin.privacy.PersonKey;

/**
 * Call-back tasks that tell a person by phone what was done with what they raised. One per person and
 * action (a unique row); a task is done when the person was reached or the agent gave up, and stays in
 * the team's queue while the agent will call again.
 */
@Repository
public class TellBackTasks {

    /** A task as the queue shows it; {@code text} is what to tell, in the person's language. */
    public record Task(UUID id, ActionId action, PersonKey person, String team, String language, String text, Instant createdAt,
            int attempts, Instant lastAttemptAt, CallbackOutcome outcome, String agent, Instant completedAt) {

        public boolean open() {
            return completedAt == null;
        }
    }

    private static final String COLUMNS = "id, action_id, person_key, team, language, text, created_at, attempts, last_attempt_at, "
            + "outcome, agent, completed_at";

    private final JdbcClient jdbc;

    TellBackTasks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the task unless the person already has one for this action; true when this call added it. */
    boolean add(ActionId action, PersonKey person, String team, String language, String text, Instant at) {
        return jdbc.sql("insert into loop_tell_back_task (id, action_id, person_key, team, language, text, created_at) "
                        + "values (:id, :action, :person, :team, :language, :text, :at) on conflict do nothing")
                .param("id", UUID.randomUUID()).param("action", action.value()).param("person", person.value())
                .param("team", team).param("language", language).param("text", text).param("at", CaseFiles.utc(at))
                .update() == 1;
    }

    public List<Task> openOfTeam(String team) {
        return jdbc.sql("select " + COLUMNS + " from loop_tell_back_task where team = :team and completed_at is null "
                        + "order by created_at, id")
                .param("team", team).query(TellBackTasks::map).list();
    }

    public Optional<Task> byId(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from loop_tell_back_task where id = :id").param("id", id)
                .query(TellBackTasks::map).optional();
    }

    /**
     * Logs a call: reached and not reached complete the task, call again keeps it open. Refused when the
     * task was completed meanwhile (by a colleague), so it is never told twice.
     */
    void logCall(UUID id, CallbackOutcome outcome, String agent, String note, Instant at) {
        boolean completes = outcome != CallbackOutcome.CALL_AGAIN;
        int updated = jdbc.sql("update loop_tell_back_task set attempts = attempts + 1, last_attempt_at = :at, outcome = :outcome, "
                        + "agent = :agent, note = :note, completed_at = :completed where id = :id and completed_at is null")
                .param("at", CaseFiles.utc(at)).param("outcome", outcome.name()).param("agent", agent).param("note", note)
                .param("completed", completes ? CaseFiles.utc(at) : null).param("id", id).update();
        if (updated != 1) {
            throw new ConflictException("loop.conflict.taskDone");
        }
    }

    /** Whether the person has a task for the action, open or done: then they are not told another way. */
    boolean exists(ActionId action, PersonKey person) {
        return jdbc.sql("select count(*) from loop_tell_back_task where action_id = :a and person_key = :p")
                .param("a", action.value()).param("p", person.value()).query(Long.class).single() > 0;
    }

    private static Task map(ResultSet rs, int row) throws SQLException {
        String person = rs.getString(3);
        String outcome = rs.getString(10);
        return new Task(rs.getObject(1, UUID.class), new ActionId(rs.getObject(2, UUID.class)), person == null ? null : new PersonKey(person),
                rs.getString(4), rs.getString(5), rs.getString(6), CaseFiles.instant(rs, 7), rs.getInt(8), CaseFiles.instant(rs, 9),
                outcome == null ? null : CallbackOutcome.valueOf(outcome), rs.getString(11), CaseFiles.instant(rs, 12));
    }
}
