package nl.buitenin.workshop.internal;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.buitenin.platform.MenuGroup;
import nl.buitenin.platform.NavigationEntry;

/** "Workshops" for the facilitators' roles, and "Join a workshop" for every signed-in staff member, under Verbeteren. */
@Configuration(proxyBeanMethods = false)
class WorkshopNavigation {

    @Bean
    NavigationEntry workshopsEntry() {
        return new NavigationEntry("nav.workshop.workshops", "/workshops", 470, Set.of("ADMIN", "ANALYST"), MenuGroup.IMPROVE);
    }

    @Bean
    NavigationEntry workshopJoinEntry() {
        return new NavigationEntry("nav.workshop.join", "/workshops/join", 471, Set.of(), MenuGroup.IMPROVE);
    }
}
