package nl.buitenin.readings.internal;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.buitenin.access.Role;
import nl.buitenin.access.Users;
import nl.buitenin.loop.TeamLeads;
import nl.buitenin.platform.MenuGroup;
import nl.buitenin.platform.NavigationEntry;

/** The menu entries of honest readings in the group Verbeteren, after the failure-demand page (418). */
@Configuration(proxyBeanMethods = false)
class ReadingsNavigation {

    /** The score-steering page: analysts and administrators, and agents who lead a team. */
    @Bean
    NavigationEntry gamingEntry(Users users, TeamLeads leads) {
        return new NavigationEntry("nav.readings.gaming", "/readings/gaming", 425, Set.of("ADMIN", "ANALYST", "AGENT"), MenuGroup.IMPROVE,
                username -> users.byUsername(username)
                        .map(user -> user.has(Role.ADMIN) || user.has(Role.ANALYST) || leads.teamLedBy(username).isPresent())
                        .orElse(false));
    }

    @Bean
    NavigationEntry readingsPilotsEntry() {
        return new NavigationEntry("nav.readings.pilots", "/pilots", 426, Set.of("ADMIN", "ANALYST"), MenuGroup.IMPROVE);
    }
}
