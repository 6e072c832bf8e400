package nl.buitenin.listening;

import java.util.Locale;
import java.util.Objects;

/**
 * The sentiment read in a text people wrote (an answer's comments; loop uses it for a case's text too): its label (an
 * analyst's when corrected), the score -1..1 the analysis gave, and whether an analyst corrected it.
 */
public record TextSentiment(Label label, double score, boolean corrected) {

    /** How the text reads, in three classes. */
    public enum Label {
        NEGATIVE, NEUTRAL, POSITIVE;

        /** The label's name in the reader's language ("negatief", "negative"). */
        public String messageKey() {
            return "listening.sentiment." + name().toLowerCase(Locale.ROOT);
        }

        /** A sign next to the word, for a quick scan of a list: minus, circle, plus. */
        public String sign() {
            return switch (this) {
                case NEGATIVE -> "−";
                case NEUTRAL -> "○";
                case POSITIVE -> "+";
            };
        }
    }

    public TextSentiment {
        Objects.requireNonNull(label, "label");
        if (Double.isNaN(score) || score < -1 || score > 1) {
            throw new IllegalArgumentException("a sentiment score is -1..1, got " + score);
        }
    }
}
