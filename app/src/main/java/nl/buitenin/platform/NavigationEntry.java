package nl.buitenin.platform;

import java.util.Objects;
import java.util.Set;

/**
 * One entry of the main navigation, contributed as a bean by the module that owns the page, so a
 * capability that is not built has no menu entry. Entries are shown in their {@link MenuGroup}.
 *
 * @param messageKey message key of the label (in both languages)
 * @param path       the page the entry opens
 * @param order      position within its group, lower first
 * @param roles      roles that see the entry (names without the ROLE_ prefix); empty means every signed-in user
 * @param group      the menu group the entry belongs to
 * @param condition  a further check on the signed-in user (e.g. "leads a team"), beyond the roles
 */
public record NavigationEntry(String messageKey, String path, int order, Set<String> roles, MenuGroup group, Condition condition) {

    /** Whether the entry is shown to a signed-in user with one of its roles; asked on every page, so keep it cheap. */
    @FunctionalInterface
    public interface Condition {
        Condition ALWAYS = username -> true;

        boolean shows(String username);
    }

    public NavigationEntry {
        Objects.requireNonNull(messageKey, "messageKey");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(condition, "condition");
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with /: " + path);
        }
        roles = Set.copyOf(roles);
    }

    /** An entry shown to everyone with one of its roles. */
    public NavigationEntry(String messageKey, String path, int order, Set<String> roles, MenuGroup group) {
        this(messageKey, path, order, roles, group, Condition.ALWAYS);
    }

    public boolean visibleTo(String username, Set<String> userRoles) {
        return (roles.isEmpty() || roles.stream().anyMatch(userRoles::contains)) && condition.shows(username);
    }
}
