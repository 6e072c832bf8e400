package nl.buitenin.access.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import nl.buitenin.access.Role;
import nl.buitenin.access.User;
import nl.buitenin.access.UserId;

/** A user row with what only sign-in needs: the password hash and lock-out state. */
public record StoredUser(UserId id, String username, String displayName, String passwordHash, Set<Role> roles, String team,
        String language, boolean enabled, boolean mustChangePassword, int failedLogins, Instant lockedUntil)
        implements UserDetails {

    /** Never prints the password hash into a log. */
    @Override
    public String toString() {
        return "StoredUser[" + username + ", roles=" + roles + "]";
    }

    public User toUser() {
        return new User(id, username, displayName, roles, team, language, enabled);
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !lockedAt(Instant.now());
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }
}
