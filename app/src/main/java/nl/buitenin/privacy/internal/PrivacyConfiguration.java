package nl.buitenin.privacy.internal;

import java.util.Set;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.buitenin.platform.MenuGroup;
import nl.buitenin.platform.NavigationEntry;
import nl.buitenin.privacy.SmallCellRule;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PrivacyProperties.class)
class PrivacyConfiguration {

    @Bean
    NavigationEntry privacyEntry() {
        return new NavigationEntry("nav.privacy", "/privacy", 800, Set.of("PRIVACY_OFFICER", "ADMIN"), MenuGroup.PRIVACY);
    }

    /** The k of small-cell suppression for every module's figures. */
    @Bean
    SmallCellRule smallCellRule(PrivacyProperties properties) {
        return new SmallCellRule(properties.minCell());
    }
}
