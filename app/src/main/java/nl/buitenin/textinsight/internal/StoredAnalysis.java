package nl.buitenin.textinsight.internal;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import nl.buitenin.insight.text.SentimentLabel;

/** A stored analysis with the analyst's correction of its label, if any. */
public record StoredAnalysis(AnalysedText text, @Nullable SentimentLabel corrected, @Nullable String correctedBy,
        @Nullable Instant correctedAt) {

    /** The label to show and count: the analyst's when they corrected it, else the analysis's. */
    public SentimentLabel label() {
        return corrected != null ? corrected : text.label();
    }
}
