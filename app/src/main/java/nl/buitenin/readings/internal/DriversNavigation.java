package nl.buitenin.readings.internal;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.buitenin.platform.MenuGroup;
import nl.buitenin.platform.NavigationEntry;

/** The key-driver page in the menu. */
@Configuration(proxyBeanMethods = false)
class DriversNavigation {

    /** After the journey map and exports (150, 160), before the surveys (400): a reading of the scores. */
    @Bean
    NavigationEntry readingsDriversEntry() {
        return new NavigationEntry("nav.readings.drivers", "/readings/drivers", 170, Set.of("ADMIN", "ANALYST"), MenuGroup.LISTEN);
    }
}
