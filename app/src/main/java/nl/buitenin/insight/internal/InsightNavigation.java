package nl.buitenin.insight.internal;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.buitenin.platform.MenuGroup;
import nl.buitenin.platform.NavigationEntry;

@Configuration(proxyBeanMethods = false)
class InsightNavigation {

    @Bean
    NavigationEntry journeyMapEntry() {
        return new NavigationEntry("nav.journeyMap", "/insight/journey-map", 150, Set.of("ADMIN", "ANALYST", "AGENT"), MenuGroup.LISTEN);
    }

    @Bean
    NavigationEntry exportsEntry() {
        return new NavigationEntry("nav.insight.exports", "/exports", 160, Set.of("ADMIN", "ANALYST", "AGENT"), MenuGroup.LISTEN);
    }
}
