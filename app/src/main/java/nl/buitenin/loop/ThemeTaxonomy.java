package nl.buitenin.loop;

import java.util.List;
import java.util.Optional;

/** The organisation's themes with their example phrases, read by an automatic theme suggester. */
public interface ThemeTaxonomy {

    /** Every theme, by Dutch name. */
    List<ThemeDefinition> all();

    Optional<ThemeDefinition> byId(ThemeId id);

    /**
     * Adds a theme at the top of the taxonomy with its example phrases, as the themes page does (for instance a
     * discovered theme an analyst adopts). Every wrong field is refused at once ({@code InvalidInputException} naming
     * {@code nameNl}, {@code nameEn} or {@code examples[i]}); a Dutch name in use is a {@code ConflictException}.
     */
    ThemeDefinition add(String nameNl, String nameEn, List<String> examples);
}
