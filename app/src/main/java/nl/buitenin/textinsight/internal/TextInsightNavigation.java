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
    NavigationEntry textInsightSearchEntry() {
        return new NavigationEntry("nav.textinsight.search", "/search", 418, Set.of("ADMIN", "ANALYST", "AGENT"), MenuGroup.LISTEN);
    }
}
