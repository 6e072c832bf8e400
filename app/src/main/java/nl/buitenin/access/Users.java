package nl.buitenin.access;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The users of this Buitenin instance. */
public interface Users {

    Optional<User> current();

    Optional<User> byId(UserId id);

    Optional<User> byUsername(String username);

    List<User> all();

    List<User> withRole(Role role);

    /** Creates a user with the given password; refused when the username is taken or the password too weak. */
    User create(NewUser user);

    record NewUser(String username, String displayName, String password, Set<Role> roles, String team, String language,
            boolean mustChangePassword) {
    }
}
