package nl.buitenin.insight.internal.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import nl.buitenin.insight.text.FailureKind;
import nl.buitenin.insight.text.Language;
import nl.buitenin.insight.text.TextAnalyzer;

/**
 * The cue phrases of the failure-demand classifier ({@code demand/cues.tsv}, one phrase a line with its language
 * and kind) and the words of a contact reason they are matched on. A word is compared by its stem from
 * {@link TextAnalyzer#terms} (Lucene's Snowball Dutch or Porter English stemmer), so "bevestiging" and
 * "bevestigingen" are one cue; a stop word ("niet", "nog", "geen", "not", "no") has no stem and is compared as
 * written, since those words are exactly what tells "nog geen bevestiging" from "bevestiging".
 */
public final class DemandCues {

    static final String RESOURCE = "/nl/buitenin/insight/text/demand/cues.tsv";
    private static final int GAP = 6;
    private static final int CACHE_LIMIT = 50_000;
    private static final Pattern WORD_BREAK = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** A stemmed word of a text: as written (lower case) and its stem (the word itself for a stop word). */
    public record Word(String written, String stem, boolean content) {
    }

    /**
     * One cue phrase.
     *
     * @param kind the failure kind it points at; null for a value cue
     */
    public record Cue(Language language, @Nullable FailureKind kind, String phrase, List<Part> parts) {
    }

    /** One part of a phrase: a stem, a prefix or suffix of the written word, or a gap. */
    record Part(String text, Match match) {
    }

    enum Match {
        STEM, PREFIX, SUFFIX, GAP
    }

    private final TextAnalyzer analyzer;
    private final Map<Language, List<Cue>> cues = new EnumMap<>(Language.class);
    /** Per language the cues by the stem of their first word, so a text is tried only against cues that can start in it. */
    private final Map<Language, Map<String, List<Cue>>> byFirstStem = new EnumMap<>(Language.class);
    /** Per language the cues that start with a prefix or suffix: tried on every text. */
    private final Map<Language, List<Cue>> alwaysTried = new EnumMap<>(Language.class);
    private final Map<Language, Set<String>> ignored = new EnumMap<>(Language.class);
    private final Map<Language, Map<String, Word>> words = new EnumMap<>(Language.class);

    public DemandCues(TextAnalyzer analyzer) {
        this.analyzer = Objects.requireNonNull(analyzer);
        for (Language language : Language.values()) {
            cues.put(language, new ArrayList<>());
            ignored.put(language, new HashSet<>());
            words.put(language, new ConcurrentHashMap<>());
        }
        read();
        for (Language language : Language.values()) {
            Map<String, List<Cue>> index = new java.util.HashMap<>();
            List<Cue> always = new ArrayList<>();
            for (Cue cue : cues.get(language)) {
                Part first = cue.parts().get(0);
                if (first.match() == Match.STEM) {
                    index.computeIfAbsent(first.text(), k -> new ArrayList<>()).add(cue);
                } else {
                    always.add(cue);
                }
            }
            byFirstStem.put(language, index);
            alwaysTried.put(language, always);
        }
    }

    private void read() {
        try (InputStream in = DemandCues.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t");
                if (fields.length != 3) {
                    throw new IllegalStateException(RESOURCE + " line " + number + ": three fields expected");
                }
                Language language = Language.of(fields[0])
                        .orElseThrow(() -> new IllegalStateException(RESOURCE + " line " + fields[0]));
                String kind = fields[1].strip();
                String phrase = fields[2].strip();
                if (kind.equals("matter-ignore")) {
                    ignored.get(language).add(stem(phrase, language).stem());
                } else if (kind.equals("value")) {
                    cues.get(language).add(new Cue(language, null, phrase, parts(phrase, language)));
                } else {
                    FailureKind failure = FailureKind.of(kind)
                            .orElseThrow(() -> new IllegalStateException(RESOURCE + " line " + fields[1]));
                    cues.get(language).add(new Cue(language, failure, phrase, parts(phrase, language)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Part> parts(String phrase, Language language) {
        List<Part> parts = new ArrayList<>();
        for (String piece : phrase.toLowerCase(Locale.ROOT).split(" +")) {
            if (piece.equals("...")) {
                parts.add(new Part("", Match.GAP));
            } else if (piece.endsWith("*")) {
                parts.add(new Part(piece.substring(0, piece.length() - 1), Match.PREFIX));
            } else if (piece.startsWith("*")) {
                parts.add(new Part(piece.substring(1), Match.SUFFIX));
            } else {
                parts.add(new Part(stem(piece, language).stem(), Match.STEM));
            }
        }
        return List.copyOf(parts);
    }

    /** The words of a text, stemmed in the given language; English contractions are read as two words. */
    public List<Word> words(String text, Language language) {
        String lower = text.toLowerCase(Locale.ROOT).replace('’', '\'');
        if (language == Language.EN) {
            lower = lower.replace("can't", "can not").replace("cannot", "can not").replace("won't", "will not")
                    .replace("n't", " not");
        }
        List<Word> list = new ArrayList<>();
        for (String piece : WORD_BREAK.split(lower)) {
            if (!piece.isEmpty()) {
                list.add(stem(piece, language));
            }
        }
        return list;
    }

    private Word stem(String written, Language language) {
        Map<String, Word> cache = words.get(language);
        Word word = cache.get(written);
        if (word == null) {
            List<String> terms = analyzer.terms(written, language);
            word = terms.isEmpty() ? new Word(written, written, false) : new Word(written, terms.get(0), true);
            // Bounded, so a stream of odd words cannot grow it without end; the common words are in it early.
            if (cache.size() < CACHE_LIMIT) {
                cache.put(written, word);
            }
        }
        return word;
    }

    /** The cues of the language found in the words, in the order of the cue file. */
    public List<Cue> found(List<Word> text, Language language) {
        Set<Cue> candidates = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        candidates.addAll(alwaysTried.get(language));
        Map<String, List<Cue>> index = byFirstStem.get(language);
        for (Word word : text) {
            candidates.addAll(index.getOrDefault(word.stem(), List.of()));
            candidates.addAll(index.getOrDefault(word.written(), List.of()));
        }
        List<Cue> found = new ArrayList<>();
        for (Cue cue : cues.get(language)) {
            if (candidates.contains(cue) && matches(cue.parts(), text)) {
                found.add(cue);
            }
        }
        return found;
    }

    private static boolean matches(List<Part> parts, List<Word> text) {
        for (int start = 0; start < text.size(); start++) {
            if (matchesAt(parts, 0, text, start)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesAt(List<Part> parts, int p, List<Word> text, int t) {
        if (p == parts.size()) {
            return true;
        }
        Part part = parts.get(p);
        if (part.match() == Match.GAP) {
            for (int skip = 0; skip <= GAP && t + skip <= text.size(); skip++) {
                if (matchesAt(parts, p + 1, text, t + skip)) {
                    return true;
                }
            }
            return false;
        }
        if (t >= text.size()) {
            return false;
        }
        Word word = text.get(t);
        boolean hit = switch (part.match()) {
            case STEM -> word.stem().equals(part.text()) || word.written().equals(part.text());
            case PREFIX -> word.written().startsWith(part.text());
            case SUFFIX -> word.written().endsWith(part.text());
            case GAP -> false;
        };
        return hit && matchesAt(parts, p + 1, text, t + 1);
    }

    /**
     * The stems that say which matter a text is about: its content words, without the words any contact uses
     * ("vraagt", "belt", "tweede keer").
     */
    public Map<String, String> matter(List<Word> text, Language language) {
        Map<String, String> matter = new LinkedHashMap<>();
        for (Word word : text) {
            if (word.content() && word.stem().length() > 2 && !ignored.get(language).contains(word.stem())
                    && !word.stem().chars().allMatch(Character::isDigit)) {
                matter.putIfAbsent(word.stem(), word.written());
            }
        }
        return matter;
    }

    /**
     * The stems a cue phrase of more than one word consists of ("waar blijft", "niet ontvangen"): words that say how a
     * contact is put, not what it is about. A cue of one word ("terugbetaling", "refund") names the matter itself and
     * gives none.
     */
    public static Set<String> phraseStems(Cue cue) {
        List<Part> words = cue.parts().stream().filter(p -> p.match() != Match.GAP).toList();
        if (words.size() < 2) {
            return Set.of();
        }
        Set<String> stems = new HashSet<>();
        words.stream().filter(p -> p.match() == Match.STEM).forEach(p -> stems.add(p.text()));
        return stems;
    }

    /**
     * A stem both matters share: the same stem, or one ending in the other of at least five letters, so that a
     * Dutch compound meets its head ("boekingsbevestiging", "bevestiging"). Returns the word as written in
     * {@code one}, or null when they share none.
     */
    public static @Nullable String shared(Map<String, String> one, Map<String, String> other) {
        for (Map.Entry<String, String> a : one.entrySet()) {
            for (String b : other.keySet()) {
                String stem = a.getKey();
                String shorter = stem.length() < b.length() ? stem : b;
                String longer = shorter == stem ? b : stem;
                if (stem.equals(b) || shorter.length() >= 5 && longer.endsWith(shorter)) {
                    return a.getValue();
                }
            }
        }
        return null;
    }
}
