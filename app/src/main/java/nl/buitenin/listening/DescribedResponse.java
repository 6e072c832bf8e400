package nl.buitenin.listening;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import nl.buitenin.journey.TouchpointId;

/**
 * A completed response told in words for a staff page: the survey's title and, in the survey's order, each question's
 * text with the score or choices given. Free text is not here: it is personal data, read through {@link Comments}
 * after a purpose check.
 *
 * @param touchpoint the touchpoint the survey was about; null when unknown
 */
public record DescribedResponse(UUID response, SurveyId survey, String titleNl, String titleEn, @Nullable TouchpointId touchpoint,
        Instant completedAt, List<Answer> answers) {

    public DescribedResponse {
        answers = List.copyOf(answers);
    }

    public String title(Locale locale) {
        return english(locale) ? titleEn : titleNl;
    }

    /** The scored answers, in the survey's order. */
    public List<Answer> scores() {
        return answers.stream().filter(Answer::scored).toList();
    }

    /**
     * One answered question (scale or choice).
     *
     * @param score   the score on the question's scale ({@link QuestionType#min()} to {@link QuestionType#max()}); null for a choice
     * @param choicesNl the chosen options' texts in Dutch, empty for a score
     */
    public record Answer(String questionKey, QuestionType type, String questionNl, String questionEn, @Nullable Integer score,
            List<String> choicesNl, List<String> choicesEn) {

        public Answer {
            choicesNl = List.copyOf(choicesNl);
            choicesEn = List.copyOf(choicesEn);
        }

        public String question(Locale locale) {
            return english(locale) ? questionEn : questionNl;
        }

        public List<String> choices(Locale locale) {
            return english(locale) ? choicesEn : choicesNl;
        }

        public boolean scored() {
            return score != null;
        }

        /** The highest score of the question's scale, for "2 of 5". */
        public int max() {
            return type.max();
        }
    }

    private static boolean english(Locale locale) {
        return "en".equals(locale.getLanguage());
    }
}
