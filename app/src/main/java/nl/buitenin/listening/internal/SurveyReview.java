package nl.buitenin.listening.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import nl.buitenin.listening.internal.checker.Finding;
import nl.buitenin.listening.internal.checker.Language;
import nl.buitenin.listening.internal.checker.Question;
import nl.buitenin.listening.internal.checker.QuestionChecker;

/** Runs the question checker over every question of a survey, in Dutch and in English. */
@Component
public class SurveyReview {

    private final QuestionChecker checker = new QuestionChecker();

    public List<QuestionAdvice> review(SurveyDefinition definition) {
        List<QuestionAdvice> advice = new ArrayList<>();
        for (int i = 0; i < definition.questions().size(); i++) {
            SurveyQuestion question = definition.questions().get(i);
            for (Language language : Language.values()) {
                String text = question.text().in(language.code());
                if (text.isBlank()) {
                    continue;
                }
                List<String> options = question.options().stream().map(o -> o.text().in(language.code())).toList();
                for (Finding finding : checker.check(new Question(text, options, language))) {
                    advice.add(new QuestionAdvice(i, question.key(), language, finding));
                }
            }
        }
        return advice;
    }

    /**
     * The advice on one question in one language, as typed in the editor: the other language may still be empty and
     * the survey need not be valid yet. Blank text has no advice.
     */
    public List<QuestionAdvice> review(int index, String key, Language language, String text, List<String> options) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return checker.check(new Question(text, options, language)).stream()
                .map(finding -> new QuestionAdvice(index, key, language, finding)).toList();
    }

    public QuestionChecker checker() {
        return checker;
    }
}
