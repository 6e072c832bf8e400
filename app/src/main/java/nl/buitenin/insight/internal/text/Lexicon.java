package nl.buitenin.insight.internal.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.jspecify.annotations.Nullable;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.DutchStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;

import nl.buitenin.insight.text.Language;

/**
 * Word polarities of one language on the scale -1..1, read once from the lexicons shipped under
 * {@code nl/buitenin/insight/text/lexicon/} (licences and attribution in the NOTICE there):
 * <ul>
 * <li>Dutch: Pattern's adjectives (De Smedt and Daelemans, PDDL; polarity -1..1, the senses of a form averaged)
 * and Glender's Dutch sentiment dictionary (MIT; -2..2, halved); where both have a word, their mean;</li>
 * <li>English: VADER's lexicon (Hutto and Gilbert, MIT, from the npm package vader-sentiment 1.1.3, Apache-2.0;
 * -4..4, quartered);</li>
 * <li>both: Buitenin's own short list of service words ({@code buitenin-nl.tsv}, {@code buitenin-en.tsv}), which
 * overrides the others.</li>
 * </ul>
 * A word that is not in the lexicon is looked up by its Snowball stem (the mean of the lexicon words with that
 * stem), so "vriendelijke" finds "vriendelijk" and "disappointing" finds "disappointed".
 */
public final class Lexicon {

    private static final String ROOT = "/nl/buitenin/insight/text/lexicon/";
    private static final Pattern PATTERN_WORD = Pattern.compile("<word form=\"([^\"]+)\"[^>]*? polarity=\"([-0-9.]+)\"");

    private final Language language;
    private final Map<String, Double> forms;
    private final Map<String, Double> stems;
    private final Set<String> adjectives;
    private final Set<String> blocked;
    private final ThreadLocal<SnowballStemmer> stemmer;
    private final @Nullable Compounds compounds;

    private Lexicon(Language language, Map<String, Double> forms, Set<String> adjectives, Set<String> blocked,
            @Nullable Compounds compounds) {
        this.language = language;
        this.compounds = compounds;
        this.blocked = Set.copyOf(blocked);
        this.forms = Map.copyOf(forms);
        this.adjectives = Set.copyOf(adjectives);
        Supplier<SnowballStemmer> make = language == Language.NL ? DutchStemmer::new : EnglishStemmer::new;
        this.stemmer = ThreadLocal.withInitial(make);
        Map<String, double[]> sums = new HashMap<>();
        SnowballStemmer stem = make.get();
        forms.forEach((form, value) -> {
            double[] sum = sums.computeIfAbsent(stem(stem, form), key -> new double[2]);
            sum[0] += value;
            sum[1]++;
        });
        Map<String, Double> means = new HashMap<>();
        sums.forEach((key, sum) -> means.put(key, sum[0] / sum[1]));
        this.stems = Map.copyOf(means);
    }

    public static Lexicon of(Language language) {
        return language == Language.NL ? dutch(Compounds.dutch()) : english();
    }

    /** The Dutch lexicon, its unknown compounds split with the given dictionary. */
    public static Lexicon dutch(Compounds compounds) {
        Map<String, double[]> pattern = new HashMap<>();
        Set<String> adjectives = new HashSet<>();
        lines("pattern-nl/nl-sentiment.xml", line -> {
            Matcher m = PATTERN_WORD.matcher(line);
            if (m.find()) {
                String form = m.group(1).toLowerCase(Locale.ROOT);
                adjectives.add(form);
                double[] sum = pattern.computeIfAbsent(form, key -> new double[2]);
                sum[0] += Double.parseDouble(m.group(2));
                sum[1]++;
            }
        });
        Map<String, Double> glender = new HashMap<>();
        lines("glender-nl/dutch_sentiment_dictionary.csv", line -> {
            int comma = line.lastIndexOf(',');
            if (comma > 0 && !line.startsWith("word,")) {
                glender.put(line.substring(0, comma).toLowerCase(Locale.ROOT), Double.parseDouble(line.substring(comma + 1)) / 2);
            }
        });
        Map<String, Double> forms = new HashMap<>(glender);
        pattern.forEach((form, sum) -> {
            double mean = sum[0] / sum[1];
            Double other = glender.get(form);
            forms.put(form, other == null ? mean : (mean + other) / 2);
        });
        forms.values().removeIf(value -> value == 0);
        // Glender's dictionary scores function words too ("door", "naar", "het"): they carry no opinion here.
        for (Object word : DutchAnalyzer.getDefaultStopSet()) {
            forms.remove(new String((char[]) word));
        }
        Set<String> blocked = new HashSet<>();
        own("buitenin-nl.tsv", forms, blocked);
        own("domain-nl.tsv", forms, blocked);
        return new Lexicon(Language.NL, forms, adjectives, blocked, compounds);
    }

    private static Lexicon english() {
        Map<String, Double> forms = new HashMap<>();
        lines("vader-en/vader_lexicon.txt", line -> {
            String[] fields = line.split("\t");
            if (fields.length >= 2) {
                forms.put(fields[0].toLowerCase(Locale.ROOT), Double.parseDouble(fields[1]) / 4);
            }
        });
        Set<String> blocked = new HashSet<>();
        own("buitenin-en.tsv", forms, blocked);
        own("domain-en.tsv", forms, blocked);
        return new Lexicon(Language.EN, forms, Set.of(), blocked, null);
    }

    /**
     * Buitenin's own words: {@code word<TAB>value}, value in -1..1; 0 removes a word, also from the look-up by stem
     * (so "bevestiging" does not find "bevestigen") and is added to {@code removed}; # starts a comment. A later
     * file overrides an earlier one.
     */
    private static void own(String file, Map<String, Double> forms, Set<String> removed) {
        lines(file, line -> {
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                return;
            }
            String[] fields = text.split("\t");
            double value = Double.parseDouble(fields[1]);
            if (value == 0) {
                forms.remove(fields[0]);
                removed.add(fields[0]);
            } else {
                forms.put(fields[0], value);
                removed.remove(fields[0]);
            }
        });
    }

    private static void lines(String file, java.util.function.Consumer<String> each) {
        InputStream in = Lexicon.class.getResourceAsStream(ROOT + file);
        if (in == null) {
            throw new IllegalStateException("lexicon " + file + " is missing from the class path");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null;) {
                each.accept(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String stem(SnowballStemmer stemmer, String word) {
        stemmer.setCurrent(word);
        stemmer.stem();
        return stemmer.getCurrent();
    }

    public Language language() {
        return language;
    }

    /**
     * The polarity of a word as written (lower case), else of a Dutch superlative's or comparative's base ("mooiste",
     * "mooier": "mooi"), else of its stem (words of five letters or more: short words collide); null when the
     * lexicon does not know it.
     */
    public @Nullable Double valence(String word) {
        Double value = forms.get(word);
        if (value != null || blocked.contains(word)) {
            return value;
        }
        if (language == Language.NL) {
            for (String suffix : DEGREE_SUFFIXES) {
                if (word.length() > suffix.length() + 2 && word.endsWith(suffix)) {
                    String base = word.substring(0, word.length() - suffix.length());
                    Double degree = adjectives.contains(base) ? forms.get(base) : null;
                    if (degree != null) {
                        return degree;
                    }
                }
            }
        }
        return word.length() >= 5 ? stems.get(stem(stemmer.get(), word)) : null;
    }

    private static final List<String> DEGREE_SUFFIXES = List.of("ste", "st", "ere", "er");

    /**
     * The polarity of an unknown Dutch compound that the dictionary splits into known parts whose last part, the
     * head that carries the meaning, is an adjective of Pattern's list ("personeelsonvriendelijk" ends in
     * "onvriendelijk", "superfijne" in "fijn"); null otherwise. Only adjective heads: with any lexicon word as head
     * (or a strong first part, "topgids") the dev split got worse, since the general lexicons score nouns and verbs
     * that are no opinion inside a compound ("dieetwensen", "terugbelservice", "kamertype").
     */
    public @Nullable Double compound(String word) {
        if (compounds == null) {
            return null;
        }
        List<String> parts = compounds.parts(word);
        if (parts.size() < 2) {
            return null;
        }
        String head = parts.get(parts.size() - 1);
        if (!adjectives.contains(head) && head.endsWith("e")) {
            head = head.substring(0, head.length() - 1); // inflected: "superfijne"
        }
        return adjectives.contains(head) ? forms.get(head) : null;
    }

    /** The known parts of a Dutch compound ("wachttijden": wacht, tijden); empty for a word that is none. */
    public List<String> compoundParts(String word) {
        return compounds == null ? List.of() : compounds.parts(word);
    }

    /** Whether the word is an adjective of Pattern's list (any polarity, also 0: "lang", "druk"). */
    public boolean isAdjective(String word) {
        return adjectives.contains(word);
    }

    public int size() {
        return forms.size();
    }
}
