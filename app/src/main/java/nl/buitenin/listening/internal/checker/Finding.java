package nl.buitenin.listening.internal.checker;

import java.util.Objects;

/**
 * One problem in a question: its code, the words that caused it, an explanation for a layman in
 * Dutch and in English, and a neutral rewrite of the whole question.
 */
public record Finding(FindingCode code, String evidence, String explanationNl, String explanationEn, String rewrite) {

    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(explanationNl, "explanationNl");
        Objects.requireNonNull(explanationEn, "explanationEn");
        Objects.requireNonNull(rewrite, "rewrite");
    }

    public String explanation(String languageCode) {
        return "en".equalsIgnoreCase(languageCode) ? explanationEn : explanationNl;
    }
}
