package nl.buitenin.insight.text;

import java.util.List;

/** What the analyzer read in one text: its language, its overall sentiment and that of each sentence. */
public record TextAnalysis(Language language, Sentiment sentiment, List<SentenceSentiment> sentences) {

    public TextAnalysis {
        sentences = List.copyOf(sentences);
    }
}
