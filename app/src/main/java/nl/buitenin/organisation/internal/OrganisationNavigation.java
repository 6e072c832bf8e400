package nl.buitenin.organisation.internal;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.buitenin.platform.MenuGroup;
import nl.buitenin.platform.NavigationEntry;

@Configuration(proxyBeanMethods = false)
class OrganisationNavigation {

    @Bean
    NavigationEntry organisationSettingsEntry() {
        return new NavigationEntry("nav.organisation", "/admin/organisation", 900, Set.of("ADMIN"), MenuGroup.ADMIN);
    }
}
