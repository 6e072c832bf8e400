package nl.buitenin.loop.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.journey.Channel;
import nl.buitenin.loop.ActionId;
import nl.buitenin.loop.ToldBack;
import nl.buitenin.privacy.PersonKey;

/** Who should hear about an action and who did; the unique (action, person) row makes "never twice" hold. */
@Repository
class ToldBackLog implements ToldBack {

    private final JdbcClient jdbc;

    ToldBackLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<PersonKey> recipientsOf(ActionId action) {
        return jdbc.sql("select distinct c.person_key from loop_case c "
                        + "join loop_case_theme ct on ct.case_id = c.id "
                        + "join loop_action_theme at on at.theme_id = ct.theme_id "
                        + "where at.action_id = :action and c.person_key is not null "
                        + "and not exists (select 1 from loop_told_back t where t.action_id = :action and t.person_key = c.person_key) "
                        + "order by c.person_key")
                .param("action", action.value())
                .query((rs, n) -> new PersonKey(rs.getString(1))).list();
    }

    @Override
    @Transactional
    public boolean record(ActionId action, PersonKey person, Channel channel, Instant at) {
        return jdbc.sql("insert into loop_told_back (id, action_id, person_key, channel, told_at) "
                        + "values (:id, :action, :person, :channel, :at) on conflict do nothing")
                .param("id", UUID.randomUUID()).param("action", action.value()).param("person", person.value())
                .param("channel", channel.name()).param("at", CaseFiles.utc(at)).update() == 1;
    }
}
