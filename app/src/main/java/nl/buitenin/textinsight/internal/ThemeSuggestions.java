package nl.buitenin.textinsight.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import nl.buitenin.insight.text.Language;
import nl.buitenin.insight.text.ThemeModel;
import nl.buitenin.insight.text.ThemeSuggestion;
import nl.buitenin.insight.text.ThemeTaxonomy;
import nl.buitenin.loop.CaseId;
import nl.buitenin.loop.TagSubject;
import nl.buitenin.loop.ThemeDefinition;
import nl.buitenin.loop.ThemeId;
import nl.buitenin.loop.ThemeTagging;
import nl.buitenin.platform.NotFoundException;
import nl.buitenin.textinsight.TextSource;

/**
 * Suggests themes of the organisation's taxonomy for a new comment or case text, with the model's confidence, as
 * automatic tags on loop's side (marked as such; an analyst confirms or rejects them; "you said, we did" follows
 * only confirmed ones or those above the organisation's confidence threshold). The model starts from each theme's
 * example phrases (Dutch and English name included) and is built again when the taxonomy changes. Themes without
 * example phrases are not suggested.
 */
@Component
public class ThemeSuggestions {

    /** How an automatic tag names who put it. */
    static final String SUGGESTER = "Buitenin";

    private static final Logger log = LoggerFactory.getLogger(ThemeSuggestions.class);

    private record Built(List<ThemeDefinition> taxonomy, @Nullable ThemeModel model, Map<String, ThemeId> ids) {
    }

    private final nl.buitenin.loop.ThemeTaxonomy taxonomy;
    private final ThemeTagging tagging;
    private final TransactionTemplate own;
    private volatile @Nullable Built built;

    ThemeSuggestions(nl.buitenin.loop.ThemeTaxonomy taxonomy, ThemeTagging tagging, PlatformTransactionManager transactions) {
        this.taxonomy = taxonomy;
        this.tagging = tagging;
        this.own = new TransactionTemplate(transactions);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Suggests themes for a text just analysed; a comment (a completed response) or a case, other sources are left. */
    void suggest(TextSource source, String ref, String text, Language language) {
        TagSubject subject = switch (source) {
            case COMMENT -> TagSubject.answer(UUID.fromString(ref));
            case CASE -> TagSubject.of(new CaseId(UUID.fromString(ref)));
            default -> null;
        };
        Built current = current();
        if (subject == null || current.model() == null) {
            return;
        }
        for (ThemeSuggestion suggestion : current.model().suggest(text, language)) {
            ThemeId theme = current.ids().get(suggestion.theme());
            double confidence = Math.min(1.0, Math.max(0.0, suggestion.confidence()));
            try {
                // In a transaction of its own: a refusal marks the transaction it runs in for rollback, and the
                // analysis that called it must still be stored.
                own.executeWithoutResult(status -> tagging.suggest(subject, theme, SUGGESTER, confidence));
            } catch (NotFoundException gone) {
                // The answer, case or theme went away between the analysis and now: nothing to suggest on.
                log.debug("No theme suggestion on {} {}: {}", source, ref, gone.getMessage());
            }
        }
    }

    /** A theme of the taxonomy the model finds in a text, with its confidence. */
    public record Found(ThemeDefinition theme, double confidence) {
    }

    /**
     * The taxonomy's themes the current model finds in a text (at or above its threshold, most confident first), without
     * storing anything: for a note, which loop does not tag. Empty while the taxonomy has fewer than two themes with
     * example phrases.
     */
    public List<Found> themesOf(String text, Language language) {
        Built current = current();
        if (current.model() == null) {
            return List.of();
        }
        Map<ThemeId, ThemeDefinition> byId = new HashMap<>();
        current.taxonomy().forEach(definition -> byId.put(definition.id(), definition));
        List<Found> found = new ArrayList<>();
        for (ThemeSuggestion suggestion : current.model().suggest(text, language)) {
            ThemeId id = current.ids().get(suggestion.theme());
            found.add(new Found(byId.get(id), Math.min(1.0, Math.max(0.0, suggestion.confidence()))));
        }
        return found;
    }

    private Built current() {
        List<ThemeDefinition> definitions = taxonomy.all();
        Built known = built;
        if (known != null && known.taxonomy().equals(definitions)) {
            return known;
        }
        List<ThemeTaxonomy.Theme> themes = new ArrayList<>();
        Map<String, ThemeId> ids = new HashMap<>();
        for (ThemeDefinition definition : definitions) {
            if (definition.examples().isEmpty()) {
                continue;
            }
            List<String> examples = new ArrayList<>(definition.examples());
            examples.add(definition.nameNl());
            examples.add(definition.nameEn());
            themes.add(new ThemeTaxonomy.Theme(definition.nameNl(), examples));
            ids.put(definition.nameNl(), definition.id());
        }
        Built fresh = new Built(definitions, themes.isEmpty() ? null : ThemeModel.train(new ThemeTaxonomy(themes)), ids);
        built = fresh;
        return fresh;
    }
}
