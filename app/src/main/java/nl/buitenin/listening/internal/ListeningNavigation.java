package nl.buitenin.listening.internal;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.buitenin.platform.MenuGroup;
import nl.buitenin.platform.NavigationEntry;

@Configuration(proxyBeanMethods = false)
class ListeningNavigation {

    @Bean
    NavigationEntry surveysEntry() {
        return new NavigationEntry("nav.surveys", "/surveys", 400, Set.of("ADMIN", "ANALYST", "AGENT"), MenuGroup.LISTEN);
    }
}
