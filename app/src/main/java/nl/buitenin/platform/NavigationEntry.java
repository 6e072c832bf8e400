package nl.buitenin.platform;

import java.util.Objects;
import java.util.Set;

/**
 * One entry of the main navigation, contributed as a bean by the module that owns the page, so a
 * capability that is not built has no menu entry.
 *
 * @param messageKey message key of the label (in both languages)
 * @param path       the page the entry opens
 * @param order      position in the menu, lower first
 * @param roles      roles that see the entry (names without the ROLE_ prefix); empty means every signed-in user
 */
public record NavigationEntry(String messageKey, String path, int order, Set<String> roles) {

    public NavigationEntry {
        Objects.requireNonNull(messageKey, "messageKey");
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with /: " + path);
        }
        roles = Set.copyOf(roles);
    }

    public boolean visibleTo(Set<String> userRoles) {
        return roles.isEmpty() || roles.stream().anyMatch(userRoles::contains);
    }
}
