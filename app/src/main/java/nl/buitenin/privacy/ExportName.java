package nl.buitenin.privacy;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A name the organisation keeps in Dutch and in English (a touchpoint, a case type, a theme), in a
 * person's export: both in the JSON download, the reader's language on a page.
 */
public record ExportName(@Nullable String nl, @Nullable String en) {

    public static @Nullable ExportName of(@Nullable String nl, @Nullable String en) {
        return nl == null && en == null ? null : new ExportName(nl, en);
    }

    /** Dutch for a Dutch reader, English otherwise; the other language when one is missing. */
    public String in(Locale locale) {
        boolean dutch = "nl".equals(locale.getLanguage());
        String first = dutch ? nl : en;
        return first == null || first.isBlank() ? (dutch ? en : nl) : first;
    }

    @Override
    public String toString() {
        return nl;
    }
}
