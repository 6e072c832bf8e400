package nl.buitenin.insight.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.jspecify.annotations.Nullable;

import nl.buitenin.insight.internal.text.Compounds;
import nl.buitenin.insight.internal.text.LanguageGuess;
import nl.buitenin.insight.internal.text.Lexicon;
import nl.buitenin.insight.internal.text.SentimentRules;
import nl.buitenin.insight.internal.text.SentimentScorer;
import nl.buitenin.insight.internal.text.Tokens;

/**
 * Reads Dutch and English texts: their language, sentiment (per text and per sentence, -1..1 with a label) and
 * stemmed terms. Building one loads the lexicons and the Dutch dictionary (a fraction of a second); after that it is thread-safe and
 * allocates no analyzer per text, so build it once ({@link #standard()}) and share it. The rules and their
 * measured quality are described in {@code docs/insight.md}.
 */
public final class TextAnalyzer {

    private static volatile @Nullable TextAnalyzer standard;

    private final Tokens tokens = new Tokens();
    private final LanguageGuess guess = new LanguageGuess(Language.NL);
    private final Map<Language, SentimentScorer> scorers = new EnumMap<>(Language.class);
    private final Map<Language, Analyzer> stemming = new EnumMap<>(Language.class);
    private final Compounds compounds = Compounds.dutch();

    /** An analyzer with the given rules (the evaluation tries others than the standard ones). */
    public TextAnalyzer(SentimentRules rules) {
        scorers.put(Language.NL, new SentimentScorer(Lexicon.dutch(compounds), rules));
        scorers.put(Language.EN, new SentimentScorer(Lexicon.of(Language.EN), rules));
        stemming.put(Language.NL, new DutchAnalyzer());
        stemming.put(Language.EN, new EnglishAnalyzer());
    }

    /** The shared analyzer with the standard rules, built on first use. */
    public static TextAnalyzer standard() {
        TextAnalyzer analyzer = standard;
        if (analyzer == null) {
            synchronized (TextAnalyzer.class) {
                analyzer = standard;
                if (analyzer == null) {
                    analyzer = new TextAnalyzer(SentimentRules.STANDARD);
                    standard = analyzer;
                }
            }
        }
        return analyzer;
    }

    /** Analyses a text in the language it appears to be written in. */
    public TextAnalysis analyze(String text) {
        return analyze(text, null);
    }

    /** Analyses a text in the given language, or in the language it appears to be in when {@code language} is null. */
    public TextAnalysis analyze(String text, @Nullable Language language) {
        Tokens.Text split = tokens.split(text);
        Language read = language != null ? language : guess.guess(split.tokens());
        SentimentScorer.Scored scored = scorers.get(read).score(split);
        return new TextAnalysis(read, scored.text(), scored.sentences());
    }

    /** The language a text appears to be written in (Dutch when nothing tells). */
    public Language language(String text) {
        return guess.guess(tokens.split(text).tokens());
    }

    /**
     * The known parts of a Dutch compound word, split with OpenTaal's Dutch dictionary: "wachttijden" gives
     * [wacht, tijden], "klantenservicemedewerker" [klanten, servicemedewerker], "bagagevervoer" [bagage, vervoer];
     * the parts are lower case, a linking "s", "e" or "en" stays with the part before it and the last part is
     * inflected as written. Empty when the word is no compound of known parts ("vervoer", "overnachting").
     */
    public List<String> compoundParts(String word) {
        return compounds.parts(word.toLowerCase(Locale.ROOT));
    }

    /**
     * The terms of a text as a search index sees them: Lucene's Dutch analyzer (Snowball Dutch stemmer, Dutch
     * stop words) or English analyzer (Porter stemmer, English stop words).
     */
    public List<String> terms(String text, Language language) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = stemming.get(language).tokenStream("text", text)) {
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
}
