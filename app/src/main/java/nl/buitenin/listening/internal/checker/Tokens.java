package nl.buitenin.listening.internal.checker;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.DutchStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * Splits a question into words with Lucene's standard tokenizer and stems them with the Snowball
 * stemmer of the language, so that word lists match "uitstekende" as well as "uitstekend" and
 * "guides" as well as "guide". Stop words come from Lucene's Dutch and English lists.
 */
final class Tokens {

    /** Lucene's English stop list is short; these common question words settle the language of short questions. */
    private static final java.util.Set<String> ENGLISH_QUESTION_WORDS = java.util.Set.of("you", "your", "how", "what", "did", "do",
            "we", "our", "were", "would", "could", "has", "have", "why", "which", "us", "about", "rate", "please");

    private Tokens() {
    }

    static List<Token> of(String text, Language language) {
        List<Token> tokens = new ArrayList<>();
        try (Tokenizer tokenizer = new StandardTokenizer()) {
            tokenizer.setReader(new StringReader(text));
            CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = tokenizer.addAttribute(OffsetAttribute.class);
            tokenizer.reset();
            while (tokenizer.incrementToken()) {
                String word = term.toString().toLowerCase(Locale.ROOT);
                tokens.add(new Token(word, stem(word, language), offset.startOffset(), offset.endOffset()));
            }
            tokenizer.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    /** The Snowball stem of one lower-case word. */
    static String stem(String word, Language language) {
        SnowballStemmer stemmer = language == Language.NL ? new DutchStemmer() : new EnglishStemmer();
        stemmer.setCurrent(word);
        stemmer.stem();
        return stemmer.getCurrent();
    }

    static boolean isStopWord(String word, Language language) {
        CharArraySet stops = language == Language.NL ? DutchAnalyzer.getDefaultStopSet() : EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
        return stops.contains(word);
    }

    /** Guesses the language from how many Dutch and English stop words the text holds; Dutch wins a tie. */
    static Language detect(String text) {
        int dutch = 0;
        int english = 0;
        for (Token token : of(text, Language.NL)) {
            if (DutchAnalyzer.getDefaultStopSet().contains(token.word())) {
                dutch++;
            }
            if (EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(token.word()) || ENGLISH_QUESTION_WORDS.contains(token.word())) {
                english++;
            }
        }
        return english > dutch ? Language.EN : Language.NL;
    }

}
