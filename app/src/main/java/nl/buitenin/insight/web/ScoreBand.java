package nl.buitenin.insight.web;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import nl.buitenin.insight.Estimate;
import nl.buitenin.insight.ScoreScale;

/**
 * The colour a score gives its card on the journey map, with the word that says the same (colour is never the only
 * signal). Only a score of at least {@link Estimate#SMALL_SAMPLE} answers gets one: below that its interval is too
 * wide to call it good or poor. The bounds are common rules of thumb per scale, stated in docs/insight.md.
 */
enum ScoreBand {
    GOOD,
    FAIR,
    POOR;

    /** The band of an estimate on its scale, or null when there are too few answers to colour it. */
    static @Nullable ScoreBand of(ScoreScale scale, @Nullable Estimate estimate) {
        if (estimate == null || estimate.smallSample()) {
            return null;
        }
        double value = estimate.value();
        double good = switch (scale) {
            case NPS -> 30;
            case CSAT -> 80;
            case CES -> 5.5;
            case RATING_5 -> 4;
            case RATING_10 -> 8;
        };
        double poor = switch (scale) {
            case NPS -> 0;
            case CSAT -> 60;
            case CES -> 4;
            case RATING_5 -> 3;
            case RATING_10 -> 6;
        };
        return value >= good ? GOOD : value < poor ? POOR : FAIR;
    }

    public String messageKey() {
        return "journeyMap.band." + name().toLowerCase(Locale.ROOT);
    }

    public String cssClass() {
        return "band-" + name().toLowerCase(Locale.ROOT);
    }
}
