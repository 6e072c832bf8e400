package nl.buitenin.listening.internal.answers;

import java.util.List;

/**
 * One question's answer as stored: a score on a scale, the chosen option(s), or free text. Exactly
 * one of the three is set, depending on the question's type.
 */
public record GivenAnswer(String questionKey, Integer score, List<String> choices, String text) {

    public GivenAnswer {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    public static GivenAnswer score(String key, int score) {
        return new GivenAnswer(key, score, List.of(), null);
    }

    public static GivenAnswer choices(String key, List<String> values) {
        return new GivenAnswer(key, null, values, null);
    }

    public static GivenAnswer text(String key, String text) {
        return new GivenAnswer(key, null, List.of(), text);
    }

    /** The answer as a single value, as case rules read it ("3", "te-snel"). */
    public String asValue() {
        if (score != null) {
            return score.toString();
        }
        if (!choices.isEmpty()) {
            return String.join(",", choices);
        }
        return text;
    }
}
