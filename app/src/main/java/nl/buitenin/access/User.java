package nl.buitenin.access;

import java.util.Set;

/**
 * A user as other modules see it: who they are, what they may do, their team and language.
 * The password hash and lock-out state stay inside this module.
 */
public record User(UserId id, String username, String displayName, Set<Role> roles, String team, String language,
        boolean enabled) {

    public User {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
