package nl.buitenin.readings.internal;

import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import nl.buitenin.access.Users;

/**
 * TEMPORARY ADAPTER — to be replaced by the public "who leads team T" API when it lands. Until then the leads are the
 * ones loop's team administration keeps (loop_team.lead_user_id, set on the teams page), read here directly because
 * loop has no public type for it. A user leads the teams whose lead they are; the rule is loop's own
 * ({@code Teams.isLead}), so the menu entry of loop's team-lead page and this page agree.
 */
@Component
class LoopTeamLeads implements TeamLeads {

    private final JdbcClient jdbc;
    private final Users users;

    LoopTeamLeads(JdbcClient jdbc, Users users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    @Override
    public Set<String> ledBy(String username) {
        return users.byUsername(username)
                .map(user -> Set.copyOf(jdbc.sql("select name from loop_team where lead_user_id = :user")
                        .param("user", user.id().value()).query(String.class).list()))
                .orElse(Set.of());
    }
}
