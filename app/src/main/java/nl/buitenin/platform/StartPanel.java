package nl.buitenin.platform;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A panel of figures on the start page, contributed as a bean by the module that owns the figures (like
 * {@link NavigationEntry} for the menu), so the start page depends on none of them. The home page shows the panels
 * whose roles the signed-in user has and whose {@link #shows(String)} agrees, in {@link #order()}, above the tiles.
 */
public interface StartPanel {

    /** Message key of the panel's heading. */
    String titleKey();

    /** Position on the start page, lower first; the same numbering as the menu (listening 100s … privacy 800s). */
    int order();

    /** Roles that see the panel (names without the ROLE_ prefix); empty means every signed-in user. */
    Set<String> roles();

    /** A further check on the signed-in user (such as "leads a team"), beyond the roles. */
    default boolean shows(String username) {
        return true;
    }

    /**
     * The figures for the signed-in user, computed when the start page is opened. An empty list shows
     * {@link #emptyKey()} instead.
     *
     * @param locale the reader's language, for names that are not message keys (a journey's name)
     */
    List<StartFigure> figures(String username, Locale locale);

    /**
     * True for figures that may be as far behind as the read replica allows ({@code BUITENIN_DB_REPLICA_MAX_LAG} plus
     * one check, docs/scaling.md): the start page then computes them through {@link ReplicaReads}, on the replica while
     * it is near enough, else on the primary. Left false for figures a person acts on right after changing them (an
     * agent's own open cases) and for the privacy officer's, which read the access log.
     */
    default boolean mayLag() {
        return false;
    }

    /** Message key of the sentence shown when there are no figures. */
    default String emptyKey() {
        return "home.panel.empty";
    }

    /** Message key of a link under the panel to its detail page; null for none. */
    default @org.jspecify.annotations.Nullable String detailKey() {
        return null;
    }

    /** Path of the panel's detail page, shown with {@link #detailKey()}. */
    default String detailPath() {
        return "/";
    }

    default boolean visibleTo(String username, Set<String> userRoles) {
        return (roles().isEmpty() || roles().stream().anyMatch(userRoles::contains)) && shows(username);
    }

    /** Localised text: a message key with its arguments (names, numbers), formatted in the reader's language. */
    record Text(String key, List<Object> args) {
        public Text {
            java.util.Objects.requireNonNull(key, "key");
            args = List.copyOf(args);
        }

        public static Text of(String key, Object... args) {
            return new Text(key, List.of(args));
        }

        public Object[] argArray() {
            return args.toArray();
        }
    }

    /** The figures of a panel for the signed-in user. */
    @FunctionalInterface
    interface Figures {
        List<StartFigure> of(String username, Locale locale);
    }

    /** A panel shown to every user with one of the roles. */
    static StartPanel of(String titleKey, int order, Set<String> roles, String emptyKey, Figures figures) {
        return of(titleKey, order, roles, NavigationEntry.Condition.ALWAYS, emptyKey, figures);
    }

    /** A panel shown to users with one of the roles for whom the condition holds (such as "leads a team"). */
    static StartPanel of(String titleKey, int order, Set<String> roles, NavigationEntry.Condition condition, String emptyKey,
            Figures figures) {
        return new Simple(titleKey, order, Set.copyOf(roles), condition, emptyKey, figures);
    }

    /** A panel from its parts. */
    record Simple(String titleKey, int order, Set<String> roles, NavigationEntry.Condition condition, String emptyKey,
            Figures figures) implements StartPanel {

        @Override
        public boolean shows(String username) {
            return condition.shows(username);
        }

        @Override
        public List<StartFigure> figures(String username, Locale locale) {
            return figures.of(username, locale);
        }
    }
}
