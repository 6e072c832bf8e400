package nl.buitenin.signals.internal.listenin;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.buitenin.access.Users;
import nl.buitenin.platform.MenuGroup;
import nl.buitenin.platform.NavigationEntry;

/** The listen-in page in the group Verbeteren, for administrators and team leads. */
@Configuration(proxyBeanMethods = false)
class ListenInNavigation {

    @Bean
    NavigationEntry listenInEntry(Users users, Managers managers) {
        return new NavigationEntry("nav.signals.listenIn", "/listen-in", 441, Set.of("ADMIN", "AGENT"), MenuGroup.IMPROVE,
                username -> users.byUsername(username).map(managers::isManager).orElse(false));
    }
}
