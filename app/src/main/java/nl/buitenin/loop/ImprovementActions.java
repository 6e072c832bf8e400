package nl.buitenin.loop;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import nl.buitenin.access.UserId;

/**
 * What other modules may ask of the improvement actions: plan one from what they found (a repeated question on the
 * failure-demand page), so that it follows loop's own life cycle and "you said, we did" like one planned on loop's
 * actions page.
 */
public interface ImprovementActions {

    /**
     * A planned action: its title and description in Dutch and English (the description says where it came from and
     * links back), who owns it, when it is due and which themes of the taxonomy it addresses (at least one).
     */
    record Plan(String titleNl, String titleEn, String descriptionNl, String descriptionEn, UserId owner, LocalDate dueOn,
            Set<ThemeId> themes) {

        public Plan {
            themes = Set.copyOf(themes);
        }
    }

    /**
     * Plans the action. Refused with the field named ({@code nl.buitenin.platform.InvalidInputException}) when a title
     * or description is empty or too long, no theme is given or a theme does not exist.
     */
    ActionId plan(Plan plan);

    /** How far an action is. */
    enum Progress {
        PLANNED, IN_PROGRESS, DONE;

        /** The status's name in loop's bundle ("gepland", "bezig", "klaar"). */
        public String messageKey() {
            return "loop.action.status." + name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * An action as another module shows it beside what led to it: its titles, how far it is, when it is due and was
     * done, and how many people were told back about it ("you said, we did": by e-mail or phone).
     */
    record Summary(ActionId id, String titleNl, String titleEn, Progress progress, @Nullable LocalDate dueOn,
            @Nullable Instant completedAt, long peopleToldBack) {

        public String title(@Nullable Locale locale) {
            return locale != null && locale.getLanguage().equals("en") ? titleEn : titleNl;
        }
    }

    /** Every action, newest first. */
    List<Summary> all();

    /** One action, when it exists. */
    Optional<Summary> find(ActionId id);
}
