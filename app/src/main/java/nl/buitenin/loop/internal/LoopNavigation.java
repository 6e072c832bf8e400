package nl.buitenin.loop.internal;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.buitenin.platform.NavigationEntry;

@Configuration(proxyBeanMethods = false)
class LoopNavigation {

    @Bean
    NavigationEntry loopQueueEntry() {
        return new NavigationEntry("nav.loop.queue", "/cases", 400, Set.of("AGENT"));
    }

    @Bean
    NavigationEntry loopLeadEntry() {
        return new NavigationEntry("nav.loop.lead", "/team-lead/cases", 405, Set.of("AGENT"));
    }

    @Bean
    NavigationEntry loopThemesEntry() {
        return new NavigationEntry("nav.loop.themes", "/loop/themes", 410, Set.of("ADMIN", "ANALYST"));
    }

    @Bean
    NavigationEntry loopCommentsEntry() {
        return new NavigationEntry("nav.loop.comments", "/loop/comments", 415, Set.of("ADMIN", "ANALYST"));
    }

    @Bean
    NavigationEntry loopActionsEntry() {
        return new NavigationEntry("nav.loop.actions", "/loop/actions", 420, Set.of("ADMIN", "ANALYST"));
    }

    @Bean
    NavigationEntry loopFiguresEntry() {
        return new NavigationEntry("nav.loop.figures", "/loop/figures", 430, Set.of("ADMIN", "ANALYST"));
    }

    @Bean
    NavigationEntry loopReportEntry() {
        return new NavigationEntry("nav.loop.report", "/loop/report", 440, Set.of("ADMIN", "ANALYST"));
    }

    @Bean
    NavigationEntry loopAdminEntry() {
        return new NavigationEntry("nav.loop.admin", "/admin/loop", 930, Set.of("ADMIN"));
    }
}
