package nl.buitenin.signals.internal.missed;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The normal form of what was asked for, so that "Cuba", " cuba" and "CUBA " count as one thing: Unicode composed, lower
 * case, white space of any kind and length as one space, no space at either end. Spelling stays as written otherwise.
 */
public final class AskedFor {

    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");

    private AskedFor() {
    }

    public static String key(String askedFor) {
        String composed = Normalizer.normalize(askedFor, Normalizer.Form.NFC);
        return SPACES.matcher(composed).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
    }

    /** As written, with its white space tidied (the form shown when it is the first or most used spelling). */
    public static String tidy(String askedFor) {
        return SPACES.matcher(Normalizer.normalize(askedFor, Normalizer.Form.NFC)).replaceAll(" ").strip();
    }
}
