package nl.buitenin.insight.text;

/**
 * The sentiment of a text or sentence: a score from -1 (negative) to 1 (positive) and its label; scores within
 * the neutral band of the text's language are {@link SentimentLabel#NEUTRAL}.
 */
public record Sentiment(double score, SentimentLabel label) {

    public Sentiment {
        if (!(score >= -1 && score <= 1)) {
            throw new IllegalArgumentException("a sentiment score lies in -1..1, not " + score);
        }
    }
}
