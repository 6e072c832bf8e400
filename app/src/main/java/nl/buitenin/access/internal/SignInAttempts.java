package nl.buitenin.access.internal;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Counts failed sign-ins and locks an account after too many in a row. */
@Component
class SignInAttempts {

    private final JdbcUsers users;
    private final AccessProperties properties;

    SignInAttempts(JdbcUsers users, AccessProperties properties) {
        this.users = users;
        this.properties = properties;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        users.recordFailure(event.getAuthentication().getName(), properties.maxFailedLogins(), properties.lockout());
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof StoredUser user) {
            users.recordSuccess(user.id());
        }
    }
}
