package nl.buitenin.insight.text;

/** One sentence of a text, as the character range {@code [start, end)} of the text, and its sentiment. */
public record SentenceSentiment(int start, int end, Sentiment sentiment) {
}
