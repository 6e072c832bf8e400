package nl.buitenin.insight.text;

import java.util.Locale;
import java.util.Optional;

/** The languages the text analysis reads. */
public enum Language {
    NL("nl"), EN("en");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    /** The ISO 639-1 code: {@code nl}, {@code en}. */
    public String code() {
        return code;
    }

    /** The language with this code, in any case; empty for any other value. */
    public static Optional<Language> of(String code) {
        String wanted = code.strip().toLowerCase(Locale.ROOT);
        for (Language language : values()) {
            if (language.code.equals(wanted)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }
}
