package nl.buitenin.readings.internal;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.buitenin.platform.MenuGroup;
import nl.buitenin.platform.NavigationEntry;

/** The calibrated-scores page in the group Luisteren, after the sentiment trend (416) and notes (417). */
@Configuration(proxyBeanMethods = false)
class CalibrationNavigation {

    @Bean
    NavigationEntry readingsCalibratedEntry() {
        return new NavigationEntry("nav.readings.calibrated", "/readings/calibrated", 421, Set.of("ADMIN", "ANALYST"), MenuGroup.LISTEN);
    }
}
