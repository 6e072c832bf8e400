package nl.buitenin.signals.internal.warnings;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.buitenin.platform.MenuGroup;
import nl.buitenin.platform.NavigationEntry;

/** The early-warnings page in the group Verbeteren, for administrators and analysts. */
@Configuration(proxyBeanMethods = false)
class WarningsNavigation {

    @Bean
    NavigationEntry warningsEntry() {
        return new NavigationEntry("nav.signals.warnings", "/warnings", 440, Set.of("ADMIN", "ANALYST"), MenuGroup.IMPROVE);
    }
}
