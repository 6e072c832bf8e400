package nl.buitenin.listening.internal;

import nl.buitenin.listening.internal.checker.Finding;
import nl.buitenin.listening.internal.checker.Language;

/** A finding of the checker about one question of a survey, in one of its languages. */
public record QuestionAdvice(int questionIndex, String questionKey, Language language, Finding finding) {

    public String code() {
        return finding.code().name();
    }

    public String explanation(String uiLanguage) {
        return finding.explanation(uiLanguage);
    }
}
