package nl.buitenin.insight;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Which answers carry a theme, for modules that count a theme's share among answers response by response (before and
 * after a split of customer groups). The module that tags answers with themes (loop) implements it, as it does
 * {@link TouchpointThemes}; a tag counts under the same rule as on the map (a person's tag, a confirmed suggestion, or
 * a suggestion at least as sure as the loop's setting). Response ids only: no text and no person is read.
 */
public interface ThemedAnswers {

    /** A theme of the organisation's taxonomy by its names in both languages. */
    record Theme(UUID id, String nameNl, String nameEn) {

        /** The name in the reader's language: English for English readers, Dutch otherwise. */
        public String name(@Nullable Locale locale) {
            return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameNl;
        }
    }

    /** Every theme, by Dutch name. */
    List<Theme> themes();

    /** The responses completed in [{@code from}, {@code to}) whose answer carries the theme. */
    Set<UUID> responsesWith(UUID theme, Instant from, Instant to);

    /**
     * The responses completed in [{@code from}, {@code to}) whose answer carries any theme under the same rule: the
     * answers that said something a theme was found in, the ones that could have raised a given theme. A theme's share
     * is counted among these, so that answers without a comment (another survey's scores only) do not dilute it.
     */
    Set<UUID> responsesWithAnyTheme(Instant from, Instant to);
}
