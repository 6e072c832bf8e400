package nl.buitenin.textinsight.internal;

/**
 * An analyst's correction of a sentiment label was stored, or corrected analyses were erased: the corrections the
 * sentiment model learns from changed. Internal to text insight; carries nothing, the model reads them again.
 */
record SentimentCorrected() {
}
