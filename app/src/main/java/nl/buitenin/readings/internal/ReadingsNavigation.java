package nl.buitenin.readings.internal;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.buitenin.platform.MenuGroup;
import nl.buitenin.platform.NavigationEntry;

@Configuration(proxyBeanMethods = false)
class ReadingsNavigation {

    /** In the group Verbeteren, after the failure-demand page (418). */
    @Bean
    NavigationEntry readingsPilotsEntry() {
        return new NavigationEntry("nav.readings.pilots", "/pilots", 425, Set.of("ADMIN", "ANALYST"), MenuGroup.IMPROVE);
    }
}
