package nl.buitenin.loop.internal;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.buitenin.loop.TeamLeads;
import nl.buitenin.platform.MenuGroup;
import nl.buitenin.platform.NavigationEntry;

@Configuration(proxyBeanMethods = false)
class LoopNavigation {

    @Bean
    NavigationEntry loopQueueEntry() {
        return new NavigationEntry("nav.loop.queue", "/cases", 400, Set.of("AGENT"), MenuGroup.IMPROVE);
    }

    /** Only for an agent who leads a team: to anyone else the page would only say they lead no team. */
    @Bean
    NavigationEntry loopLeadEntry(TeamLeads leads) {
        return new NavigationEntry("nav.loop.lead", "/team-lead/cases", 405, Set.of("AGENT"), MenuGroup.IMPROVE,
                username -> leads.teamLedBy(username).isPresent());
    }

    @Bean
    NavigationEntry loopThemesEntry() {
        return new NavigationEntry("nav.loop.themes", "/loop/themes", 410, Set.of("ADMIN", "ANALYST"), MenuGroup.IMPROVE);
    }

    @Bean
    NavigationEntry loopCommentsEntry() {
        return new NavigationEntry("nav.loop.comments", "/loop/comments", 415, Set.of("ADMIN", "ANALYST"), MenuGroup.IMPROVE);
    }

    @Bean
    NavigationEntry loopActionsEntry() {
        return new NavigationEntry("nav.loop.actions", "/loop/actions", 420, Set.of("ADMIN", "ANALYST"), MenuGroup.IMPROVE);
    }

    @Bean
    NavigationEntry loopFiguresEntry() {
        return new NavigationEntry("nav.loop.figures", "/loop/figures", 430, Set.of("ADMIN", "ANALYST"), MenuGroup.IMPROVE);
    }

    @Bean
    NavigationEntry loopReportEntry() {
        return new NavigationEntry("nav.loop.report", "/loop/report", 440, Set.of("ADMIN", "ANALYST"), MenuGroup.IMPROVE);
    }

    @Bean
    NavigationEntry loopAdminEntry() {
        return new NavigationEntry("nav.loop.admin", "/admin/loop", 930, Set.of("ADMIN"), MenuGroup.ADMIN);
    }
}
