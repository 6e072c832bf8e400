package nl.buitenin.loop;

import java.time.LocalDate;
import java.util.Set;

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
}
