package nl.buitenin.listening.internal.checker;

import java.util.List;
import java.util.Objects;

/**
 * A question as the checker sees it: its text in one language and, for a choice question, its answer
 * options in the same language (empty for scales with numbers and open questions).
 */
public record Question(String text, List<String> options, Language language) {

    public Question {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(language, "language");
        options = options == null ? List.of() : List.copyOf(options);
    }

    public static Question of(String text, Language language) {
        return new Question(text, List.of(), language);
    }
}
