package nl.buitenin.loop.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.buitenin.access.User;
import nl.buitenin.access.Users;
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
    private final Users users;

    Teams(JdbcClient jdbc, Users users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    /**
     * The teams a case can be given to: those the organisation set up (with their lead) and those users belong to, as
     * each has a queue where its cases show. Sorted by name.
     */
    public List<String> known() {
        Set<String> names = new TreeSet<>();
        all().forEach(t -> names.add(t.name()));
        users.all().stream().map(User::team).filter(t -> t != null && !t.isBlank()).forEach(t -> names.add(t.strip()));
        return List.copyOf(names);
    }

    /**
     * The known team {@code name} means (its own spelling, matched regardless of case and surrounding spaces), or an
     * {@link InvalidInputException} for {@code field} naming the known teams: a case for a team nobody is in would show
     * in no queue, and nobody could open it.
     */
    public String require(String field, String name) {
        List<String> known = known();
        String wanted = name.strip();
        return known.stream().filter(t -> t.equals(wanted)).findFirst()
                .or(() -> known.stream().filter(t -> t.equalsIgnoreCase(wanted)).findFirst())
                .orElseThrow(() -> known.isEmpty() ? InvalidInputException.of(field, "loop.invalid.teamNoneKnown", shorten(wanted))
                        : InvalidInputException.of(field, "loop.invalid.teamUnknown", shorten(wanted), String.join(", ", known)));
    }

    private static String shorten(String text) {
        return text.length() > 100 ? text.substring(0, 100) + "…" : text;
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
