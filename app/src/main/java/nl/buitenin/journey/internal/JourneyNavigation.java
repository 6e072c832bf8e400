package nl.buitenin.journey.internal;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.buitenin.platform.MenuGroup;
import nl.buitenin.platform.NavigationEntry;

@Configuration(proxyBeanMethods = false)
class JourneyNavigation {

    @Bean
    NavigationEntry journeysEntry() {
        return new NavigationEntry("nav.journeys", "/journeys", 100, Set.of("ADMIN", "ANALYST", "AGENT", "PLANNER"), MenuGroup.LISTEN);
    }
}
