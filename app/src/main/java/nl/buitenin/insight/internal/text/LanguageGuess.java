package nl.buitenin.insight.internal.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.util.IOUtils;

import nl.buitenin.insight.text.Language;

/**
 * Dutch or English by function words: the Snowball stop-word lists that ship with Lucene, each without the
 * words the two share ("in", "is", "was"), are counted in the text; the language with more wins. Function words
 * make up about half of any running text, so a short comment already has several. On a tie (no function word,
 * such as "Top!"), letter pairs typical of one language decide ("ij", "oe", "aa", "sch" against "th", "wh", "ck",
 * "ing"), and without those the default language (Dutch, the organisation's own) is kept.
 */
public final class LanguageGuess {

    private final Set<String> dutch;
    private final Set<String> english;
    private final Language fallback;

    public LanguageGuess(Language fallback) {
        this.fallback = fallback;
        Set<String> nl = stopWords("dutch_stop.txt");
        Set<String> en = stopWords("english_stop.txt");
        Set<String> shared = new HashSet<>(nl);
        shared.retainAll(en);
        nl.removeAll(shared);
        en.removeAll(shared);
        this.dutch = Set.copyOf(nl);
        this.english = Set.copyOf(en);
    }

    private static Set<String> stopWords(String file) {
        try {
            CharArraySet words = WordlistLoader.getSnowballWordSet(
                    IOUtils.getDecodingReader(SnowballFilter.class, file, StandardCharsets.UTF_8));
            Set<String> set = new HashSet<>();
            for (Object word : words) {
                set.add(new String((char[]) word));
            }
            return set;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Language guess(List<Token> tokens) {
        int score = 0;
        for (Token token : tokens) {
            if (dutch.contains(token.term())) {
                score++;
            } else if (english.contains(token.term())) {
                score--;
            }
        }
        if (score == 0) {
            for (Token token : tokens) {
                score += letters(token.term());
            }
        }
        return score > 0 ? Language.NL : score < 0 ? Language.EN : fallback;
    }

    private static int letters(String word) {
        int score = 0;
        for (String pair : List.of("ij", "oe", "aa", "uu", "sch", "ui")) {
            if (word.contains(pair)) {
                score++;
            }
        }
        for (String pair : List.of("th", "wh", "ck", "ing", "ea")) {
            if (word.contains(pair)) {
                score--;
            }
        }
        return score;
    }
}
