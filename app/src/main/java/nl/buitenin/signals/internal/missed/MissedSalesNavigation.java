package nl.buitenin.signals.internal.missed;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.buitenin.platform.MenuGroup;
import nl.buitenin.platform.NavigationEntry;

/** Logging a missed sale is for everyone at the front line; its trends and the market signals sit with improving. */
@Configuration(proxyBeanMethods = false)
class MissedSalesNavigation {

    @Bean
    NavigationEntry missedSalesLogEntry() {
        return new NavigationEntry("nav.signals.missed", "/signals/missed", 460, Set.of(), MenuGroup.LISTEN);
    }

    @Bean
    NavigationEntry missedSalesTrendsEntry() {
        return new NavigationEntry("nav.signals.missedTrends", "/signals/missed/trends", 461, Set.of("ADMIN", "ANALYST"), MenuGroup.LISTEN);
    }

    @Bean
    NavigationEntry marketSignalsEntry() {
        return new NavigationEntry("nav.signals.market", "/signals/market", 450, Set.of(), MenuGroup.IMPROVE);
    }
}
