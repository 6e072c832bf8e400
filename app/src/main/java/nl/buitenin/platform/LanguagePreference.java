package nl.buitenin.platform;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The organisation's default language, for visitors who have not chosen one. Implemented by the
 * organisation module; defined here so that the locale resolution in {@code access} need not depend on it.
 */
public interface LanguagePreference {

    Locale defaultLocale();

    /**
     * A request attribute (a {@link Locale}) with which a controller sets the language of its own response
     * only, e.g. from a {@code ?lang=} parameter on a page shown inside another site's frame, where cookies do not arrive.
     */
    String FOR_THIS_REQUEST = LanguagePreference.class.getName() + ".forThisRequest";

    /** The languages Buitenin speaks; every message exists in each. */
    java.util.List<Locale> SUPPORTED = java.util.List.of(Locale.forLanguageTag("nl"), Locale.ENGLISH);

    static @Nullable Locale supportedOrNull(@Nullable String tag) {
        if (tag == null) {
            return null;
        }
        String language = Locale.forLanguageTag(tag.trim()).getLanguage();
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst().orElse(null);
    }
}
