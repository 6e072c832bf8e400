package nl.buitenin.listening.internal.checker;

import java.util.Locale;

/** The languages the checker reads. */
public enum Language {
    NL,
    EN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Language of(String code) {
        for (Language language : values()) {
            if (language.code().equalsIgnoreCase(code == null ? "" : code.trim())) {
                return language;
            }
        }
        throw new IllegalArgumentException("language must be nl or en, got " + code);
    }
}
