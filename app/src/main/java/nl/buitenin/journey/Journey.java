package nl.buitenin.journey;

import java.util.List;
import java.util.Locale;

/**
 * A journey ("klantreis") with its stages in order.
 *
 * @param archived archived: it stays readable (history, scores) but is no longer offered for new use
 */
public record Journey(JourneyId id, String nameNl, String nameEn, List<Stage> stages, boolean archived) {

    public Journey {
        stages = List.copyOf(stages);
    }

    public String name(Locale locale) {
        return "nl".equals(locale.getLanguage()) ? nameNl : nameEn;
    }

    public List<Touchpoint> touchpoints() {
        return stages.stream().flatMap(stage -> stage.touchpoints().stream()).toList();
    }
}
