package nl.buitenin.journey;

import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A touchpoint: where in a journey, on which channel, a person meets the organisation.
 *
 * @param location an optional place (a shop, an office), or null
 * @param archived the touchpoint, its stage or its journey is archived: its history stays readable, but it takes
 *        no new interactions and is not offered in pickers
 */
public record Touchpoint(TouchpointId id, JourneyId journey, StageId stage, String nameNl, String nameEn, Channel channel,
        @Nullable String location, boolean archived) {

    public Touchpoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(journey, "journey");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(channel, "channel");
    }

    /** The name in the reader's language: Dutch for Dutch, English otherwise. */
    public String name(Locale locale) {
        return "nl".equals(locale.getLanguage()) ? nameNl : nameEn;
    }
}
