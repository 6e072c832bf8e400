package nl.buitenin.demand.internal;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.buitenin.platform.MenuGroup;
import nl.buitenin.platform.NavigationEntry;

@Configuration(proxyBeanMethods = false)
class DemandNavigation {

    /** Planners and administrators manage demand; analysts may read it. */
    @Bean
    NavigationEntry demandEntry() {
        return new NavigationEntry("nav.demand", "/demand", 600, Set.of("PLANNER", "ADMIN", "ANALYST"), MenuGroup.PLAN);
    }
}
