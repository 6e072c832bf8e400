package nl.buitenin.textinsight.internal;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.buitenin.platform.MenuGroup;
import nl.buitenin.platform.NavigationEntry;

@Configuration(proxyBeanMethods = false)
class TextInsightNavigation {

    @Bean
    NavigationEntry textInsightNotesEntry() {
        return new NavigationEntry("nav.textinsight.notes", "/notes", 417, Set.of("ADMIN", "ANALYST", "AGENT"), MenuGroup.LISTEN);
    }

    @Bean
    NavigationEntry textInsightFailureDemandEntry() {
        return new NavigationEntry("nav.textinsight.failureDemand", "/failure-demand", 418, Set.of("ADMIN", "ANALYST"), MenuGroup.IMPROVE);
    }

    /** Next to loop's themes page (410) in the group Verbeteren. */
    @Bean
    NavigationEntry textInsightSuggestedThemesEntry() {
        return new NavigationEntry("nav.textinsight.suggested", "/themes/suggested", 412, Set.of("ADMIN", "ANALYST"), MenuGroup.IMPROVE);
    }

    @Bean
    NavigationEntry textInsightTrendEntry() {
        return new NavigationEntry("nav.textinsight.trend", "/sentiment", 416, Set.of("ADMIN", "ANALYST"), MenuGroup.LISTEN);
    }

    @Bean
    NavigationEntry textInsightSearchEntry() {
        return new NavigationEntry("nav.textinsight.search", "/search", 419, Set.of("ADMIN", "ANALYST", "AGENT"), MenuGroup.LISTEN);
    }
}
