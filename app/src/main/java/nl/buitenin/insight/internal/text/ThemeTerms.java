package nl.buitenin.insight.internal.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.IOUtils;

import nl.buitenin.insight.text.Language;
import nl.buitenin.insight.text.TextAnalyzer;

/**
 * The terms a theme model sees in a text: the analyzer's stemmed terms and, for Dutch, the parts of compounds that
 * are themselves terms of the model's vocabulary ("klantenservicemedewerker" also yields "medewerker",
 * "wachttijden" also "wacht" when those occur in examples or tagged texts). The compound parts come from Lucene's
 * {@link DictionaryCompoundWordTokenFilter} run over the stems with the vocabulary as its dictionary, so a model
 * needs no general Dutch dictionary and splits exactly into what it can use. Only a part at the start or the end of a
 * word counts ("wacht" and "tijd" of "wachttijd"), not one found inside it ("acht" in "prachtig"). English terms
 * leave out Snowball's English stop words (174, against the 33 of Lucene's English analyzer, which keeps "my",
 * "we", "had", "our" and "very" as terms): on the development split, cross-validated, that lifted English micro-F1
 * from 0.797 to 0.825 (docs/insight.md). Thread-safe: the Lucene analyzers keep their components per thread.
 */
public final class ThemeTerms {

    /** Parts shorter than this are not looked for: "reis" is the shortest useful part, "tijd" too. */
    private static final int MIN_PART = 4;
    private static final int MIN_COMPOUND = MIN_PART + 3;
    private static final int MAX_PART = 20;

    /** Lucene's English analyzer (Porter stemmer) with Snowball's English stop words. */
    private static final Analyzer ENGLISH = new EnglishAnalyzer(snowballStopWords("english_stop.txt"));

    private final TextAnalyzer analyzer;
    private final Analyzer compounds;

    /**
     * Terms with the compound parts found among the stems of the given texts (the model's examples and tagged
     * texts).
     */
    public ThemeTerms(TextAnalyzer analyzer, Collection<String> vocabularyTexts) {
        this.analyzer = analyzer;
        CharArraySet parts = new CharArraySet(256, false);
        for (String text : vocabularyTexts) {
            for (Language language : Language.values()) { // short phrases barely show their language
                for (String stem : stems(text, language)) {
                    if (stem.length() >= MIN_PART && stem.chars().allMatch(Character::isLetter)) {
                        parts.add(stem);
                    }
                }
            }
        }
        this.compounds = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                WhitespaceTokenizer tokenizer = new WhitespaceTokenizer();
                return new TokenStreamComponents(tokenizer, new DictionaryCompoundWordTokenFilter(tokenizer, parts,
                        MIN_COMPOUND, MIN_PART, MAX_PART, false));
            }
        };
    }

    private static CharArraySet snowballStopWords(String file) {
        try {
            return WordlistLoader.getSnowballWordSet(IOUtils.getDecodingReader(SnowballFilter.class, file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The analyzer's stemmed terms; for English without Snowball's stop words. */
    private List<String> stems(String text, Language language) {
        if (language != Language.EN) {
            return analyzer.terms(text, language);
        }
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = ENGLISH.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    /** The terms of a text in the language it appears to be written in. */
    public Set<String> terms(String text) {
        return terms(text, analyzer.language(text));
    }

    /** The terms of a text in a known language (a caller that has analysed the text already knows it). */
    public Set<String> terms(String text, Language language) {
        List<String> stems = stems(text, language);
        Set<String> terms = new LinkedHashSet<>(stems);
        if (language == Language.NL && !stems.isEmpty()) {
            try (TokenStream stream = compounds.tokenStream("terms", String.join(" ", stems))) {
                CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
                PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
                stream.reset();
                String word = "";
                while (stream.incrementToken()) {
                    String value = term.toString();
                    if (increment.getPositionIncrement() > 0) {
                        word = value; // the whole stem; its parts follow at the same position
                    } else if (word.startsWith(value) || word.endsWith(value)) {
                        terms.add(value);
                    }
                }
                stream.end();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return terms;
    }
}
