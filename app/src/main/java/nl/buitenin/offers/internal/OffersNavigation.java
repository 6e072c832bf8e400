package nl.buitenin.offers.internal;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.buitenin.platform.MenuGroup;
import nl.buitenin.platform.NavigationEntry;

@Configuration(proxyBeanMethods = false)
class OffersNavigation {

    @Bean
    NavigationEntry offersInterestsEntry() {
        return new NavigationEntry("nav.offersInterests", "/aanbiedingen/interesses", 456, Set.of("ADMIN", "ANALYST"), MenuGroup.LISTEN);
    }
}
