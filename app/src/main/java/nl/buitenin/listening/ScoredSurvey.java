package nl.buitenin.listening;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A published survey with its scale questions in words, so a reader of {@link ScoredResponses} can name what it reads:
 * the survey's latest published version (its id reads all versions through {@link ScoredResponses#ofSurvey}).
 */
public record ScoredSurvey(SurveyId id, String titleNl, String titleEn, List<Question> questions) {

    public ScoredSurvey {
        questions = List.copyOf(questions);
    }

    public String title(Locale locale) {
        return english(locale) ? titleEn : titleNl;
    }

    public Optional<Question> question(String key) {
        return questions.stream().filter(q -> q.key().equals(key)).findFirst();
    }

    /** One scale question (NPS, CSAT, CES or rating) with its text in both languages. */
    public record Question(String key, QuestionType type, String textNl, String textEn) {

        public String text(Locale locale) {
            return english(locale) ? textEn : textNl;
        }
    }

    private static boolean english(Locale locale) {
        return "en".equals(locale.getLanguage());
    }
}
