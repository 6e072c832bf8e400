package nl.buitenin.insight.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

import nl.buitenin.testing.FuzzInput;

/**
 * Any text — free text is outside input — ends in an analysis: a score within -1..1 whose label agrees with its
 * sign, and sentences that lie inside the text in order. The first byte chooses the language (guessed, Dutch or
 * English), the rest is the text.
 */
class TextAnalyzerFuzzTest {

    private static final TextAnalyzer ANALYZER = TextAnalyzer.standard();

    @FuzzTest(maxDuration = "5s")
    @DictionaryEntries({"niet", "geen", "maar", "heel", "een beetje", "te", "hoor", "geweest", "not", "n't", "but",
            "very", "too", "would have", "goed", "slecht", "great", "awful", "😊", "🙄", "❤️", "!", ".", ",", "\\n"})
    void everyTextEndsInASentimentWithinItsBounds(byte[] input) {
        int choice = FuzzInput.choice(input) % 3;
        String text = FuzzInput.text(input);
        TextAnalysis analysis = ANALYZER.analyze(text, choice == 0 ? null : choice == 1 ? Language.NL : Language.EN);
        check(analysis.sentiment());
        int end = 0;
        for (SentenceSentiment sentence : analysis.sentences()) {
            assertThat(sentence.start()).isGreaterThanOrEqualTo(end);
            assertThat(sentence.end()).isGreaterThan(sentence.start()).isLessThanOrEqualTo(text.length());
            end = sentence.end();
            check(sentence.sentiment());
        }
    }

    private static void check(Sentiment sentiment) {
        assertThat(sentiment.score()).isBetween(-1.0, 1.0);
        switch (sentiment.label()) {
            case POSITIVE -> assertThat(sentiment.score()).isPositive();
            case NEGATIVE -> assertThat(sentiment.score()).isNegative();
            case NEUTRAL -> {
                // within the band: either sign
            }
        }
    }
}
