package nl.buitenin.privacy.internal;

import java.util.Set;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.buitenin.platform.NavigationEntry;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PrivacyProperties.class)
class PrivacyConfiguration {

    @Bean
    NavigationEntry privacyEntry() {
        return new NavigationEntry("nav.privacy", "/privacy", 800, Set.of("PRIVACY_OFFICER", "ADMIN"));
    }
}
