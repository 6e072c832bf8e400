package nl.buitenin.listening;

import java.util.Objects;
import java.util.UUID;

/** Identifies one version of a survey; a revision of a published survey gets a new id. */
public record SurveyId(UUID value) {

    public SurveyId {
        Objects.requireNonNull(value, "survey id");
    }

    public static SurveyId random() {
        return new SurveyId(UUID.randomUUID());
    }

    public static SurveyId of(String text) {
        try {
            return new SurveyId(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("not a survey id: " + text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
