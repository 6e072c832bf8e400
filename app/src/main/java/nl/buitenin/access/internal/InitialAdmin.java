package nl.buitenin.access.internal;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import nl.buitenin.access.Role;
import nl.buitenin.access.Users.NewUser;
import nl.buitenin.platform.StartupNotes;

/**
 * The first start of an instance without the demo creates the user {@code admin} with a random
 * one-time password, printed once at start-up; it must be changed at the first sign-in.
 */
@Component
@Profile("!demo")
@Order(10)
class InitialAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);

    private final JdbcUsers users;
    private final StartupNotes notes;

    InitialAdmin(JdbcUsers users, StartupNotes notes) {
        this.users = users;
        this.notes = notes;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!users.isEmpty()) {
            return;
        }
        String password = OneTimePasswords.next();
        users.create(new NewUser("admin", "Administrator", password, Set.of(Role.ADMIN), null, "nl", true));
        log.info("Created the first administrator 'admin' with a one-time password.");
        notes.add("First sign-in: user 'admin', one-time password '" + password + "' (shown only now; you choose your own at sign-in).");
    }
}
