package nl.buitenin.loop;

import java.util.Set;
import java.util.UUID;

import nl.buitenin.access.Role;
import nl.buitenin.access.Users.NewUser;
import nl.buitenin.access.internal.JdbcUsers;
import nl.buitenin.access.internal.StoredUser;

/** Users in the domain's words: an agent of a team, a team's lead, an analyst. Names are unique per call. */
final class LoopFixture {

    private LoopFixture() {
    }

    static StoredUser agentOf(JdbcUsers users, String team) {
        return user(users, "agent", Set.of(Role.AGENT), team);
    }

    static StoredUser analyst(JdbcUsers users, String language) {
        return user(users, "analyst", Set.of(Role.ANALYST), null, language);
    }

    static StoredUser user(JdbcUsers users, String prefix, Set<Role> roles, String team) {
        return user(users, prefix, roles, team, "en");
    }

    static StoredUser user(JdbcUsers users, String prefix, Set<Role> roles, String team, String language) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new NewUser(name, name, "a long enough password", roles, team, language, false));
        return users.storedByUsername(name).orElseThrow();
    }

    static String uniqueTeam() {
        return "team-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
