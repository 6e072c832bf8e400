package nl.buitenin.signals.internal.assessment;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.buitenin.platform.MenuGroup;
import nl.buitenin.platform.NavigationEntry;

@Configuration(proxyBeanMethods = false)
class AssessmentNavigation {

    /** In Verbeteren, after the figures: how market-driven the organisation thinks it is. */
    @Bean
    NavigationEntry assessmentEntry() {
        return new NavigationEntry("nav.assessment", "/signals/assessment", 445, Set.of("ADMIN", "ANALYST"), MenuGroup.IMPROVE);
    }
}
