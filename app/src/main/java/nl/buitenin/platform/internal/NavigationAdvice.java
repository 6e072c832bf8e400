package nl.buitenin.platform.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import jakarta.servlet.http.HttpServletRequest;
import nl.buitenin.platform.MenuGroup;
import nl.buitenin.platform.NavigationEntry;
import nl.buitenin.platform.PageController;

/**
 * Puts the navigation the signed-in user may see into every page's model: the entries they may open, in their menu
 * groups (a group with nothing to open is left out).
 * Pages only ({@link PageController}): an API call has no model to fill.
 */
@ControllerAdvice(annotations = PageController.class)
class NavigationAdvice {

    private final List<NavigationEntry> entries;

    NavigationAdvice(List<NavigationEntry> entries) {
        this.entries = entries.stream().sorted(Comparator.comparingInt(NavigationEntry::order)).toList();
    }

    /** A menu group with the entries the user may open; {@code current} when one of them holds the page shown. */
    public record MenuSection(MenuGroup group, List<NavigationEntry> entries, boolean current) {
    }

    @ModelAttribute("navigation")
    List<MenuSection> navigation(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return List.of();
        }
        Set<String> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring("ROLE_".length()))
                .collect(Collectors.toSet());
        if (roles.isEmpty()) {
            return List.of();
        }
        List<NavigationEntry> visible = entries.stream().filter(e -> e.visibleTo(authentication.getName(), roles)).toList();
        String path = request.getRequestURI();
        List<MenuSection> sections = new ArrayList<>();
        for (MenuGroup group : MenuGroup.values()) {
            List<NavigationEntry> inGroup = visible.stream().filter(e -> e.group() == group).toList();
            if (!inGroup.isEmpty()) {
                sections.add(new MenuSection(group, inGroup, inGroup.stream().anyMatch(e -> path.startsWith(e.path()))));
            }
        }
        return sections;
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }
}
