package nl.buitenin.platform;

import java.util.Locale;

/**
 * The organisation's default language, for visitors who have not chosen one. Implemented by the
 * organisation module; defined here so that the locale resolution in {@code access} need not depend on it.
 */
public interface LanguagePreference {

    Locale defaultLocale();

    /** The languages Buitenin speaks; every message exists in each. */
    java.util.List<Locale> SUPPORTED = java.util.List.of(Locale.forLanguageTag("nl"), Locale.ENGLISH);

    static Locale supportedOrNull(String tag) {
        if (tag == null) {
            return null;
        }
        String language = Locale.forLanguageTag(tag.trim()).getLanguage();
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst().orElse(null);
    }
}
