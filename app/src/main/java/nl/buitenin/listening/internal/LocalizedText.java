package nl.buitenin.listening.internal;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

import nl.buitenin.platform.InvalidInputException.FieldError;

/** A text in Dutch and in English; every text a respondent sees exists in both. */
public record LocalizedText(String nl, String en) {

    public LocalizedText {
        nl = nl == null ? "" : nl.strip();
        en = en == null ? "" : en.strip();
    }

    public static LocalizedText empty() {
        return new LocalizedText("", "");
    }

    @JsonIgnore
    public boolean isEmpty() {
        return nl.isEmpty() && en.isEmpty();
    }

    public String in(String language) {
        return "en".equals(language) ? en : nl;
    }

    /** Adds an error per missing or too long language, naming {@code field.nl} or {@code field.en}. */
    void requireBoth(String field, int maxLength, List<FieldError> errors) {
        check(field + ".nl", nl, maxLength, errors);
        check(field + ".en", en, maxLength, errors);
    }

    private static void check(String field, String value, int maxLength, List<FieldError> errors) {
        if (value.isEmpty()) {
            errors.add(FieldError.translated(field, "listening.invalid.bothLanguages", "is required in Dutch and in English"));
        } else if (value.length() > maxLength) {
            errors.add(FieldError.translated(field, "listening.invalid.atMost", "must be at most " + maxLength + " characters", String.valueOf(maxLength)));
        }
    }
}
