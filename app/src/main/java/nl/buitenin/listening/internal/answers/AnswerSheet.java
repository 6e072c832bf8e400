package nl.buitenin.listening.internal.answers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.buitenin.listening.QuestionType;
import nl.buitenin.listening.internal.AnswerOption;
import nl.buitenin.listening.internal.SurveyDefinition;
import nl.buitenin.listening.internal.SurveyQuestion;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;

/**
 * The answers a person submitted to one survey, read from raw form or API values and checked against
 * the survey: a score must lie on its scale, a choice must be one of the options, text is limited in
 * length. A partial sheet (saved while answering) may leave questions open; a complete one must answer
 * every required question. Every problem names the question.
 */
public final class AnswerSheet {

    public static final int MAX_TEXT = 4000;

    private final Map<String, GivenAnswer> answers;

    private AnswerSheet(Map<String, GivenAnswer> answers) {
        this.answers = answers;
    }

    /**
     * Reads raw values (a question key to what was filled in; several values for a multiple choice).
     * Empty values count as not answered. Keys of questions the survey does not have are refused.
     */
    public static AnswerSheet read(SurveyDefinition survey, Map<String, List<String>> raw, boolean complete) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, GivenAnswer> answers = new LinkedHashMap<>();
        for (String key : raw.keySet()) {
            if (survey.question(key).isEmpty()) {
                errors.add(FieldError.translated(key, "listening.invalid.notAQuestion", "is not a question of this survey"));
            }
        }
        for (SurveyQuestion question : survey.questions()) {
            List<String> values = raw.getOrDefault(question.key(), List.of()).stream()
                    .filter(v -> v != null && !v.isBlank()).map(String::trim).toList();
            if (values.isEmpty()) {
                if (complete && question.required()) {
                    errors.add(FieldError.translated(question.key(), "listening.invalid.needsAnswer", "needs an answer"));
                }
                continue;
            }
            GivenAnswer answer = read(question, values, errors);
            if (answer != null) {
                answers.put(question.key(), answer);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new AnswerSheet(answers);
    }

    private static GivenAnswer read(SurveyQuestion question, List<String> values, List<FieldError> errors) {
        QuestionType type = question.type();
        String key = question.key();
        if (type.isScale()) {
            if (values.size() != 1) {
                errors.add(FieldError.translated(key, "listening.invalid.oneScore", "takes one score"));
                return null;
            }
            try {
                int score = Integer.parseInt(values.get(0));
                if (score < type.min() || score > type.max()) {
                    errors.add(FieldError.translated(key, "listening.invalid.scoreRange", "must be a whole number from " + type.min() + " to " + type.max(), type.min(), type.max()));
                    return null;
                }
                return GivenAnswer.score(key, score);
            } catch (NumberFormatException e) {
                errors.add(FieldError.translated(key, "listening.invalid.scoreRange", "must be a whole number from " + type.min() + " to " + type.max(), type.min(), type.max()));
                return null;
            }
        }
        if (type.hasOptions()) {
            Set<String> allowed = new LinkedHashSet<>();
            question.options().stream().map(AnswerOption::value).forEach(allowed::add);
            Set<String> chosen = new LinkedHashSet<>(values);
            if (type == QuestionType.SINGLE_CHOICE && chosen.size() != 1) {
                errors.add(FieldError.translated(key, "listening.invalid.oneChoice", "takes one choice"));
                return null;
            }
            for (String value : chosen) {
                if (!allowed.contains(value)) {
                    errors.add(FieldError.translated(key, "listening.invalid.notAnOption", "'" + value + "' is not one of the options " + allowed, value, String.join(", ", allowed)));
                    return null;
                }
            }
            return GivenAnswer.choices(key, List.copyOf(chosen));
        }
        String text = String.join("\n", values);
        if (text.length() > MAX_TEXT) {
            errors.add(FieldError.translated(key, "listening.invalid.tooLong", "is longer than " + MAX_TEXT + " characters", String.valueOf(MAX_TEXT)));
            return null;
        }
        return GivenAnswer.text(key, text);
    }

    public List<GivenAnswer> answers() {
        return List.copyOf(answers.values());
    }

    public boolean isEmpty() {
        return answers.isEmpty();
    }
}
