package nl.buitenin.loop;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A theme of the organisation's taxonomy as another module (an automatic theme suggester) sees it: its names,
 * the theme it falls under, and the example phrases (Dutch and/or English, in the order given) that a suggester
 * starts from before analysts have tagged anything.
 */
public record ThemeDefinition(ThemeId id, String nameNl, String nameEn, @Nullable ThemeId parent, List<String> examples) {

    public ThemeDefinition {
        examples = List.copyOf(examples);
    }

    /** The name in the reader's language: English for {@code en}, else Dutch. */
    public String name(@Nullable Locale locale) {
        return locale != null && locale.getLanguage().equals("en") ? nameEn : nameNl;
    }
}
