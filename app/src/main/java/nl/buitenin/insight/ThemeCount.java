package nl.buitenin.insight;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** A theme by its name in both languages, and how many texts of a period at a touchpoint carry it. */
public record ThemeCount(String nameNl, String nameEn, long count) {

    public ThemeCount {
        if (count < 1) {
            throw new IllegalArgumentException("a theme counted on the map has at least one text, got " + count);
        }
    }

    /** The name in the reader's language: English for English readers, Dutch otherwise. */
    public String name(@Nullable Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameNl;
    }
}
