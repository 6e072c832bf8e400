package nl.buitenin.listening.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import nl.buitenin.listening.internal.SurveyDefinition;
import nl.buitenin.listening.internal.SurveyQuestion;
import nl.buitenin.platform.InvalidInputException.FieldError;

/**
 * The answer sheet's errors as the person answering reads them: named by the question's own text in the page's
 * language, not by its key ("Hoe tevreden bent u over de reis?: geef een antwoord", not "csat: heeft een antwoord
 * nodig"), and told with the respondent's wording ({@code answer.invalid.*}). The API keeps the keys and the
 * analyst's wording, as machines and analysts name questions by key.
 */
final class RespondentErrors {

    /** One error on the page: the question it is about (null for one outside the survey), where it is, and what to do. */
    record RespondentError(@Nullable String question, @Nullable String anchor, String key, List<Object> args) {
    }

    private static final Map<String, String> RESPONDENT_KEYS = Map.of(
            "listening.invalid.needsAnswer", "answer.invalid.needsAnswer",
            "listening.invalid.oneScore", "answer.invalid.oneScore",
            "listening.invalid.scoreRange", "answer.invalid.scoreRange",
            "listening.invalid.oneChoice", "answer.invalid.oneChoice",
            "listening.invalid.notAnOption", "answer.invalid.notAnOption",
            "listening.invalid.tooLong", "answer.invalid.tooLong");

    /** The prefix of a choice's field after the questions ({@code choice.<question>}), see {@code AnswerPageController}. */
    static final String CHOICE = "choice.";

    private RespondentErrors() {
    }

    /** The id of the question on the page (answer-form.html): the text box of an open question, else its fieldset. */
    private static String anchor(SurveyQuestion question) {
        return (question.type() == nl.buitenin.listening.QuestionType.OPEN_TEXT ? "q-" : "question-") + question.key();
    }

    static List<RespondentError> of(List<FieldError> errors, SurveyDefinition survey, String language) {
        return errors.stream().map(error -> of(error, survey, language)).toList();
    }

    private static RespondentError of(FieldError error, SurveyDefinition survey, String language) {
        if (error.field() != null && error.field().startsWith(CHOICE) && "answer.invalid.choice".equals(error.key())) {
            return new RespondentError(null, "choice-" + error.field().substring(CHOICE.length()), error.key(), List.of());
        }
        Optional<SurveyQuestion> question = error.field() == null ? Optional.empty() : survey.question(error.field());
        String key = RESPONDENT_KEYS.getOrDefault(error.key(), "answer.invalid.notAQuestion");
        if (question.isEmpty()) {
            // A field the form does not have (a changed page, an old draft): no question to name, and no key to show.
            return new RespondentError(null, null, "answer.invalid.notAQuestion", List.of());
        }
        List<Object> args = key.equals("answer.invalid.notAnOption") ? List.of() : error.args();
        return new RespondentError(question.get().text().in(language), anchor(question.get()), key, args);
    }
}
