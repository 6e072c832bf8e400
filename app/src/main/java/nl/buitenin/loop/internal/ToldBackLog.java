package nl.buitenin.loop.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.journey.Channel;
import nl.buitenin.loop.ActionId;
import nl.buitenin.loop.ToldBack;
import nl.buitenin.privacy.PersonKey;

/** Who should hear about an action and who did; the unique (action, person) row makes "never twice" hold. */
@Repository
public class ToldBackLog implements ToldBack {

    private final JdbcClient jdbc;
    private final LoopSettings settings;

    ToldBackLog(JdbcClient jdbc, LoopSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /**
     * Everyone who raised one of the action's themes, in a case or in a tagged answer, once each however
     * often they raised it, and not yet decided on for this action (told, unreachable or given a call task).
     * A theme found by the automatic suggester counts only once an analyst confirmed it or when its confidence
     * is at least the organisation's threshold ({@link LoopSettings}): nobody is thanked for what they did not say.
     */
    @Override
    @Transactional(readOnly = true)
    public List<PersonKey> recipientsOf(ActionId action) {
        return jdbc.sql("select person_key from ("
                        + "select c.person_key from loop_case c join loop_case_theme ct on ct.case_id = c.id "
                        + "join loop_action_theme at on at.theme_id = ct.theme_id where at.action_id = :action and c.person_key is not null "
                        + "and " + TagTable.toldBack("ct") + " "
                        + "union "
                        + "select a.person_key from loop_answer_theme a join loop_action_theme at on at.theme_id = a.theme_id "
                        + "where at.action_id = :action and a.person_key is not null and " + TagTable.toldBack("a") + ") raised "
                        + "where not exists (select 1 from loop_told_back t where t.action_id = :action and t.person_key = raised.person_key) "
                        + "and not exists (select 1 from loop_tell_back_task k where k.action_id = :action and k.person_key = raised.person_key) "
                        + "order by person_key")
                .param("action", action.value()).param("minConfidence", settings.tellBackMinConfidence())
                .query((rs, n) -> new PersonKey(rs.getString(1))).list();
    }

    /** Tagged answers on the action's themes without a person (anonymous, erased or past retention): nobody to tell. */
    @Transactional(readOnly = true)
    long anonymousAnswers(ActionId action) {
        return jdbc.sql("select count(distinct a.response_id) from loop_answer_theme a join loop_action_theme at on at.theme_id = a.theme_id "
                        + "where at.action_id = :action and a.person_key is null")
                .param("action", action.value()).query(Long.class).single();
    }

    @Override
    @Transactional
    public boolean record(ActionId action, PersonKey person, Channel channel, Instant at) {
        return insert(action, person, channel, "TOLD", null, at);
    }

    /**
     * Records that the policy allowed telling the person but there was no way to reach them (for instance a
     * phone person without a team to call and without an e-mail address); false when they had been decided on.
     */
    @Transactional
    public boolean recordUnreachable(ActionId action, PersonKey person, Channel channel, String reason, Instant at) {
        return insert(action, person, channel, "UNREACHABLE", reason, at);
    }

    private boolean insert(ActionId action, PersonKey person, Channel channel, String outcome, String reason, Instant at) {
        return jdbc.sql("insert into loop_told_back (id, action_id, person_key, channel, told_at, outcome, reason) "
                        + "values (:id, :action, :person, :channel, :at, :outcome, :reason) on conflict do nothing")
                .param("id", UUID.randomUUID()).param("action", action.value()).param("person", person.value())
                .param("channel", channel.name()).param("at", CaseFiles.utc(at)).param("outcome", outcome).param("reason", reason)
                .update() == 1;
    }

    /**
     * How many people of an action were told, by channel, and how many could not be reached, for the actions page;
     * {@code scheduled}: how many wait for quiet hours or a quiet day to pass, the first of them at {@code scheduledFor}.
     */
    public record Tally(long mailed, long phoned, long unreachable, long scheduled, @Nullable Instant scheduledFor) {

        public Tally(long mailed, long phoned, long unreachable) {
            this(mailed, phoned, unreachable, 0, null);
        }
    }

    @Transactional(readOnly = true)
    public Tally tally(ActionId action) {
        long[] counts = new long[3];
        jdbc.sql("select outcome, channel, count(*) from loop_told_back where action_id = :action group by outcome, channel")
                .param("action", action.value())
                .query(rs -> {
                    int i = "UNREACHABLE".equals(rs.getString(1)) ? 2 : "PHONE".equals(rs.getString(2)) ? 1 : 0;
                    counts[i] += rs.getLong(3);
                });
        record Held(long count, @Nullable Instant first) {
        }
        Held held = jdbc.sql("select count(*), min(due_at) from loop_told_back_due where action_id = :action")
                .param("action", action.value())
                .query((rs, n) -> new Held(rs.getLong(1), CaseFiles.instant(rs, 2))).single();
        return new Tally(counts[0], counts[1], counts[2], held.count(), held.first());
    }

    /** The team of the person's latest case on one of the action's themes: the team that hears back from them. */
    @Transactional(readOnly = true)
    Optional<String> responsibleTeam(ActionId action, PersonKey person) {
        return jdbc.sql("select c.team from loop_case c join loop_case_theme ct on ct.case_id = c.id "
                        + "join loop_action_theme at on at.theme_id = ct.theme_id "
                        + "where at.action_id = :action and c.person_key = :person and c.team is not null "
                        + "order by c.opened_at desc, c.id limit 1")
                .param("action", action.value()).param("person", person.value()).query(String.class).optional();
    }

    /** A told-back message that may go out only at {@code dueAt}; one row per person and action. */
    void defer(ActionId action, PersonKey person, Instant dueAt) {
        jdbc.sql("insert into loop_told_back_due (action_id, person_key, due_at) values (:action, :person, :due) on conflict do nothing")
                .param("action", action.value()).param("person", person.value()).param("due", CaseFiles.utc(dueAt)).update();
    }

    record Deferred(ActionId action, PersonKey person) {
    }

    List<Deferred> dueAt(Instant now, int limit) {
        return jdbc.sql("select action_id, person_key from loop_told_back_due where due_at <= :now order by due_at limit :limit")
                .param("now", CaseFiles.utc(now)).param("limit", limit)
                .query((rs, n) -> new Deferred(new ActionId(rs.getObject(1, UUID.class)), new PersonKey(rs.getString(2)))).list();
    }

    /** Takes a due message off the list; false when another node took it first (the delete is the claim). */
    boolean take(Deferred deferred, Instant now) {
        return jdbc.sql("delete from loop_told_back_due where action_id = :action and person_key = :person and due_at <= :now")
                .param("action", deferred.action().value()).param("person", deferred.person().value())
                .param("now", CaseFiles.utc(now)).update() == 1;
    }
}
