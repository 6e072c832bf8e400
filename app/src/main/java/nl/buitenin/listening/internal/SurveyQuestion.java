package nl.buitenin.listening.internal;

import java.util.List;

import nl.buitenin.listening.QuestionType;

/**
 * One question of a survey. {@code key} is stable across versions (answers and case rules refer to
 * it); options only for choice questions.
 */
public record SurveyQuestion(String key, QuestionType type, LocalizedText text, List<AnswerOption> options, boolean required) {

    public SurveyQuestion {
        options = options == null ? List.of() : List.copyOf(options);
    }
}
