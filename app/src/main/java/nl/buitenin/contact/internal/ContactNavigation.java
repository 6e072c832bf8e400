package nl.buitenin.contact.internal;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.buitenin.platform.MenuGroup;
import nl.buitenin.platform.NavigationEntry;

@Configuration(proxyBeanMethods = false)
class ContactNavigation {

    @Bean
    NavigationEntry contactPolicyEntry() {
        return new NavigationEntry("nav.contactPolicy", "/contact/policy", 450, Set.of("ADMIN", "ANALYST"), MenuGroup.LISTEN);
    }

    @Bean
    NavigationEntry contactOffersEntry() {
        return new NavigationEntry("nav.contactOffers", "/contact/aanbiedingen", 455, Set.of("ADMIN", "ANALYST"), MenuGroup.LISTEN);
    }
}
