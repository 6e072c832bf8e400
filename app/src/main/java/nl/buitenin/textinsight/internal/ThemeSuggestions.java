package nl.buitenin.textinsight.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import nl.buitenin.insight.text.Language;
import nl.buitenin.insight.text.TextAnalyzer;
import nl.buitenin.insight.text.ThemeModel;
import nl.buitenin.insight.text.ThemeSuggestion;
import nl.buitenin.insight.text.ThemeTag;
import nl.buitenin.insight.text.ThemeTaxonomy;
import nl.buitenin.loop.CaseId;
import nl.buitenin.loop.TagSubject;
import nl.buitenin.loop.ThemeDefinition;
import nl.buitenin.loop.ThemeId;
import nl.buitenin.loop.ThemeTagging;
import nl.buitenin.loop.ThemeTagsChanged;
import nl.buitenin.platform.NotFoundException;
import nl.buitenin.textinsight.TextSource;

/**
 * Suggests themes of the organisation's taxonomy for a new comment, case text, note or contact reason, with the model's confidence, as
 * automatic tags on loop's side (marked as such; an analyst confirms or rejects them; "you said, we did" follows
 * only confirmed ones or those above the organisation's confidence threshold). The model starts from each theme's
 * example phrases (Dutch and English name included) and learns from what analysts said: themes they tagged by hand
 * or confirmed, and suggestions they rejected ({@link TaggedTexts}). It is built again when the taxonomy changes,
 * and when the tags changed ({@link ThemeTagsChanged} marks it stale) at the next suggestion, at most once per
 * {@code buitenin.textinsight.theme-model-rebuild}: reading every tagged text per request would cost too much. Themes
 * without example phrases are not suggested.
 */
@Component
public class ThemeSuggestions {

    /** How an automatic tag names who put it. */
    static final String SUGGESTER = "Buitenin";

    private static final Logger log = LoggerFactory.getLogger(ThemeSuggestions.class);

    /** A model and what it was built from; {@code model} is null while no theme can be suggested. */
    record Built(List<ThemeDefinition> taxonomy, @Nullable ThemeModel model, Map<String, ThemeId> ids, int verdicts, Instant at) {
    }

    private final nl.buitenin.loop.ThemeTaxonomy taxonomy;
    private final ThemeTagging tagging;
    private final TaggedTexts tagged;
    private final TransactionTemplate own;
    private final Clock clock;
    private final Duration rebuildEvery;
    private volatile @Nullable Built built;
    private volatile boolean stale = true;

    ThemeSuggestions(nl.buitenin.loop.ThemeTaxonomy taxonomy, ThemeTagging tagging, TaggedTexts tagged,
            PlatformTransactionManager transactions, Clock clock,
            @Value("${buitenin.textinsight.theme-model-rebuild:PT1M}") Duration rebuildEvery) {
        this.taxonomy = taxonomy;
        this.tagging = tagging;
        this.tagged = tagged;
        this.own = new TransactionTemplate(transactions);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.rebuildEvery = rebuildEvery;
    }

    /**
     * Builds the model now from the tags as they are, whatever the interval: for a caller that has just written tags
     * itself and analyses texts next (the demo, which would otherwise suggest with a model of whenever the last build
     * happened to be).
     */
    public void rebuild() {
        synchronized (this) {
            built = null;
        }
        current();
    }

    /** Analysts changed tags: the next suggestion (after the rebuild interval) trains the model again. */
    @ApplicationModuleListener
    void on(ThemeTagsChanged changed) {
        stale = true;
    }

    /**
     * Suggests themes for a text just analysed: a comment (a completed response), a case, a note, or the reason of a
     * contact just read ({@code ref} the contact's id).
     */
    void suggest(TextSource source, String ref, String text, Language language) {
        TagSubject subject = switch (source) {
            case COMMENT -> TagSubject.answer(UUID.fromString(ref));
            case CASE -> TagSubject.of(new CaseId(UUID.fromString(ref)));
            case NOTE -> TagSubject.note(UUID.fromString(ref));
            case CONTACT_REASON -> TagSubject.contactReason(UUID.fromString(ref));
        };
        Built current = current();
        if (current.model() == null) {
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

    /** The model as it is now, built first when the taxonomy changed or the tags did (and the interval passed). */
    Built current() {
        List<ThemeDefinition> definitions = taxonomy.all();
        Built known = built;
        if (known != null && known.taxonomy().equals(definitions)
                && !(stale && !clock.instant().isBefore(known.at().plus(rebuildEvery)))) {
            return known;
        }
        synchronized (this) {
            known = built;
            if (known != null && known.taxonomy().equals(definitions) && !stale) {
                return known;
            }
            // cleared before reading, so a tag changed during the build marks the new model stale again
            stale = false;
            Built fresh;
            try {
                fresh = build(definitions);
            } catch (RuntimeException e) {
                // The texts' analyses are stored already: a failed build must not fail them. The model it had stays
                // (none at first), and the build is tried again after the interval.
                log.warn("The theme model could not be built again; suggesting with the one it had", e);
                stale = true;
                fresh = known == null ? new Built(definitions, null, Map.of(), 0, clock.instant())
                        : new Built(known.taxonomy(), known.model(), known.ids(), known.verdicts(), clock.instant());
            }
            built = fresh;
            return fresh;
        }
    }

    private Built build(List<ThemeDefinition> definitions) {
        long started = System.nanoTime();
        TaggedTexts.Read read = tagged.read();
        List<ThemeTaxonomy.Theme> themes = new ArrayList<>();
        Map<String, ThemeId> ids = new HashMap<>();
        Map<ThemeId, String> names = new HashMap<>();
        for (ThemeDefinition definition : definitions) {
            // A theme without example phrases is not suggested, even once analysts tagged texts with it: a model from a
            // handful of tagged texts alone suggests it on every text that shares a word with them.
            if (definition.examples().isEmpty()) {
                continue;
            }
            List<String> examples = new ArrayList<>(definition.examples());
            examples.add(definition.nameNl());
            examples.add(definition.nameEn());
            themes.add(new ThemeTaxonomy.Theme(definition.nameNl(), examples));
            ids.put(definition.nameNl(), definition.id());
            names.put(definition.id(), definition.nameNl());
        }
        // one theme alone has nothing to learn what it is not from
        if (themes.size() < 2) {
            return new Built(definitions, null, ids, 0, clock.instant());
        }
        List<ThemeTag> tags = new ArrayList<>();
        for (TaggedTexts.Verdict verdict : read.verdicts()) {
            String name = names.get(verdict.theme());
            if (name != null) {
                tags.add(new ThemeTag(verdict.text(), name, verdict.accepted()));
            }
        }
        ThemeModel model = ThemeModel.train(new ThemeTaxonomy(themes), tags, TextAnalyzer.standard());
        log.info("Theme model built from {} themes and {} analysts' verdicts on {} texts ({} not read) in {} ms", themes.size(),
                tags.size(), read.texts() - read.unread(), read.unread(), (System.nanoTime() - started) / 1_000_000);
        return new Built(definitions, model, ids, tags.size(), clock.instant());
    }
}
