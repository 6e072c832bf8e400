package nl.buitenin.privacy.internal;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import nl.buitenin.access.Users;

/** Who is reading: the signed-in user, the API key, or "system" for scheduled jobs and event handlers. */
@Component
public class Actors {

    public static final String SYSTEM = "system";
    /** The person themselves, on their own page. */
    public static final String SELF = "the person (own page)";

    private final Users users;

    Actors(Users users) {
        this.users = users;
    }

    public String current() {
        var user = users.current();
        if (user.isPresent()) {
            return user.get().username();
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated() && authentication.getName() != null
                && !"anonymousUser".equals(authentication.getName())) {
            return authentication.getName();
        }
        return SYSTEM;
    }
}
