package nl.buitenin.groups.internal;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.buitenin.platform.MenuGroup;
import nl.buitenin.platform.NavigationEntry;

@Configuration(proxyBeanMethods = false)
class SegmentsNavigation {

    /** In Luisteren, right after the groups page. */
    @Bean
    NavigationEntry segmentsEntry() {
        return new NavigationEntry("nav.groups.segments", "/groups/segments", 431, Set.of("ADMIN", "ANALYST"), MenuGroup.LISTEN);
    }
}
