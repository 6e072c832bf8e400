package nl.buitenin.access.internal;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.buitenin.platform.MenuGroup;
import nl.buitenin.platform.NavigationEntry;

@Configuration(proxyBeanMethods = false)
class AccessNavigation {

    @Bean
    NavigationEntry usersEntry() {
        return new NavigationEntry("nav.users", "/admin/users", 910, Set.of("ADMIN"), MenuGroup.ADMIN);
    }

    @Bean
    NavigationEntry apiKeysEntry() {
        return new NavigationEntry("nav.apiKeys", "/admin/api-keys", 920, Set.of("ADMIN"), MenuGroup.ADMIN);
    }
}
