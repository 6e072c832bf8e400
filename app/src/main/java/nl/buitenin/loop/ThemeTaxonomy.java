package nl.buitenin.loop;

import java.util.List;
import java.util.Optional;

/** The organisation's themes with their example phrases, read by an automatic theme suggester. */
public interface ThemeTaxonomy {

    /** Every theme, by Dutch name. */
    List<ThemeDefinition> all();

    Optional<ThemeDefinition> byId(ThemeId id);
}
