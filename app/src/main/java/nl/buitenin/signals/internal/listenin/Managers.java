package nl.buitenin.signals.internal.listenin;

import org.springframework.stereotype.Component;

import nl.buitenin.access.Role;
import nl.buitenin.access.User;
import nl.buitenin.loop.TeamLeads;

/** Who keeps a listen-in log: administrators (management) and team leads; an administrator may see everyone's entries. */
@Component
public class Managers {

    private final TeamLeads leads;

    Managers(TeamLeads leads) {
        this.leads = leads;
    }

    public boolean isManager(User user) {
        return user.has(Role.ADMIN) || leads.teamLedBy(user.id()).isPresent();
    }
}
