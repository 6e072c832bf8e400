package nl.buitenin.loop.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.buitenin.platform.InvalidInputException;

/** Teams that handle cases and their leads, matched by name to the team of each user. */
@Repository
public class Teams {

    public record Team(String name, UUID lead) {
        public Team {
            if (name == null || name.isBlank() || name.length() > 100) {
                throw InvalidInputException.of("name", "loop.invalid.teamName");
            }
            name = name.strip();
        }
    }

    private final JdbcClient jdbc;

    Teams(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Team> all() {
        return jdbc.sql("select name, lead_user_id from loop_team order by name")
                .query((rs, n) -> new Team(rs.getString(1), rs.getObject(2, UUID.class))).list();
    }

    public Optional<Team> named(String name) {
        return all().stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** Whether the user leads the team. */
    public boolean isLead(UUID user, String team) {
        return named(team).map(t -> user.equals(t.lead())).orElse(false);
    }

    public void save(Team team) {
        int updated = jdbc.sql("update loop_team set lead_user_id = :lead where name = :name")
                .param("lead", team.lead()).param("name", team.name()).update();
        if (updated == 0) {
            jdbc.sql("insert into loop_team (name, lead_user_id) values (:name, :lead)")
                    .param("lead", team.lead()).param("name", team.name()).update();
        }
    }
}
