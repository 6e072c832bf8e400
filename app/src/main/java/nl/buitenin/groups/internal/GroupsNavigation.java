package nl.buitenin.groups.internal;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.buitenin.platform.MenuGroup;
import nl.buitenin.platform.NavigationEntry;

@Configuration(proxyBeanMethods = false)
class GroupsNavigation {

    /** In Luisteren, after the journey map's and text insight's pages. */
    @Bean
    NavigationEntry groupsEntry() {
        return new NavigationEntry("nav.groups", "/groups", 430, Set.of("ADMIN", "ANALYST"), MenuGroup.LISTEN);
    }

    /** In Beheer: administrators manage the groups, analysts read the list. */
    @Bean
    NavigationEntry groupsAdminEntry() {
        return new NavigationEntry("nav.groupsAdmin", "/admin/groups", 940, Set.of("ADMIN", "ANALYST"), MenuGroup.ADMIN);
    }

    /** In Plannen: putting guides on trips. */
    @Bean
    NavigationEntry groupsPlanningEntry() {
        return new NavigationEntry("nav.groups.planning", "/groups/planning", 450, Set.of("ADMIN", "PLANNER", "ANALYST"), MenuGroup.PLAN);
    }

    /** "Did the split work?" right after the groups page. */
    @Bean
    NavigationEntry groupsSplitEntry() {
        return new NavigationEntry("nav.groups.split", "/groups/split", 431, Set.of("ADMIN", "ANALYST"), MenuGroup.LISTEN);
    }

    /** Costs against gains of a split, after "did the split work?". */
    @Bean
    NavigationEntry groupsEconomicsEntry() {
        return new NavigationEntry("nav.groups.economics", "/groups/economics", 432, Set.of("ADMIN", "ANALYST"), MenuGroup.LISTEN);
    }
}
