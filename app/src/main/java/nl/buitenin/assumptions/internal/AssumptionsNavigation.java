package nl.buitenin.assumptions.internal;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.buitenin.platform.MenuGroup;
import nl.buitenin.platform.NavigationEntry;

/** The menu entries of assumptions in the group Verbeteren, after pilots (426). */
@Configuration(proxyBeanMethods = false)
class AssumptionsNavigation {

    @Bean
    NavigationEntry assumptionsEntry() {
        return new NavigationEntry("nav.assumptions", "/assumptions", 427, Set.of("ADMIN", "ANALYST"), MenuGroup.IMPROVE);
    }

    @Bean
    NavigationEntry assumptionsKnowledgeEntry() {
        return new NavigationEntry("nav.assumptions.organisation", "/assumptions/organisation", 428, Set.of("ADMIN", "ANALYST"),
                MenuGroup.IMPROVE);
    }

    /** Every member of staff may own an assumption written in a workshop. */
    @Bean
    NavigationEntry myAssumptionsEntry() {
        return new NavigationEntry("nav.assumptions.mine", "/assumptions/mine", 429, Set.of(), MenuGroup.IMPROVE);
    }
}
