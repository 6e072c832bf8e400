package nl.buitenin.journey;

import java.util.List;
import java.util.Locale;

/**
 * A stage of a journey ("Oriënteren", "Boeken"...) with its touchpoints in order.
 *
 * @param archived the stage or its journey is archived
 */
public record Stage(StageId id, String nameNl, String nameEn, List<Touchpoint> touchpoints, boolean archived) {

    public Stage {
        touchpoints = List.copyOf(touchpoints);
    }

    public String name(Locale locale) {
        return "nl".equals(locale.getLanguage()) ? nameNl : nameEn;
    }
}
