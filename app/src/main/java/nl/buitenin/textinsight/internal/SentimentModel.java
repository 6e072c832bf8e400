package nl.buitenin.textinsight.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import nl.buitenin.insight.text.Language;
import nl.buitenin.insight.text.SentimentLabel;
import nl.buitenin.insight.text.TextAnalysis;
import nl.buitenin.insight.text.TextAnalyzer;

/**
 * The label the server gives a new text: the lexicon's, unless its language is one where a model learnt from
 * corrections measurably does better on held-out texts (both accuracy and macro-F1; see docs/insight.md,
 * "Corrections") and the organisation has corrected at least {@link #MIN_CORRECTIONS} texts of that language with
 * at least two different labels. The model is fitted on the analysts' corrections ({@link TaggedTexts#corrections})
 * and fitted again after they change, at the next text, at most once per
 * {@code buitenin.textinsight.theme-model-rebuild}: the same debounce as the theme model, since reading every
 * corrected text per text would cost too much. A corrected text always shows the analyst's label
 * ({@link StoredAnalysis#label()}); this model labels texts nobody corrected.
 */
@Component
public class SentimentModel {

    /**
     * The languages where the correction model beat the lexicon on both held-out figures; set from them and checked
     * against them by CorrectionModelQualityTest.
     */
    public static final Set<Language> CORRECTIONS_HELP = Collections.unmodifiableSet(EnumSet.of(Language.EN));

    /**
     * Corrections of a language needed before they are used: below this the five folds that choose the model's
     * regularisation hold fewer than ten texts each, too few to choose by.
     */
    public static final int MIN_CORRECTIONS = CorrectionModel.MIN_EXAMPLES;

    private static final Logger log = LoggerFactory.getLogger(SentimentModel.class);

    private record Fitted(@Nullable CorrectionModel model, Instant at) {
    }

    private final TaggedTexts tagged;
    private final Clock clock;
    private final Duration rebuildEvery;
    private volatile @Nullable Fitted fitted;
    private volatile boolean stale = true;

    SentimentModel(TaggedTexts tagged, Clock clock, @Value("${buitenin.textinsight.theme-model-rebuild:PT1M}") Duration rebuildEvery) {
        this.tagged = tagged;
        this.clock = clock;
        this.rebuildEvery = rebuildEvery;
    }

    /** Corrections changed (after their commit): the next text, after the interval, fits the model again. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(SentimentCorrected changed) {
        stale = true;
    }

    public SentimentLabel label(String text, TextAnalysis analysis) {
        SentimentLabel lexicon = analysis.sentiment().label();
        if (!CORRECTIONS_HELP.contains(analysis.language())) {
            return lexicon;
        }
        CorrectionModel model = current().model();
        return model == null ? lexicon : model.label(text, analysis).orElse(lexicon);
    }

    private Fitted current() {
        Fitted known = fitted;
        if (known != null && !(stale && !clock.instant().isBefore(known.at().plus(rebuildEvery)))) {
            return known;
        }
        synchronized (this) {
            known = fitted;
            if (known != null && !stale) {
                return known;
            }
            // cleared before reading, so a correction made during the fit marks the new model stale again
            stale = false;
            Fitted fresh;
            try {
                List<CorrectionModel.Example> corrections = tagged.corrections(CORRECTIONS_HELP);
                CorrectionModel model = CorrectionModel.fit(corrections, TextAnalyzer.standard());
                fresh = new Fitted(CORRECTIONS_HELP.stream().anyMatch(model::covers) ? model : null, clock.instant());
                log.info("Sentiment model fitted on {} corrections; used for {}", corrections.size(),
                        CORRECTIONS_HELP.stream().filter(model::covers).map(Language::code).toList());
            } catch (RuntimeException e) {
                // The analysis must still be stored: keep the model it had (none at first), try again after the interval.
                log.warn("The sentiment model could not be fitted again; labelling with the one it had", e);
                stale = true;
                fresh = new Fitted(known == null ? null : known.model(), clock.instant());
            }
            fitted = fresh;
            return fresh;
        }
    }
}
