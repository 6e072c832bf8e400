package nl.buitenin.insight.internal.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Expressions whose words mean something else together than apart, with their polarity: spoken forms and
 * separable verbs ("viel tegen", "de groep viel steeds uit elkaar", "liep vast", "aan de hoge kant", "zo moet het",
 * "eerlijk gezegd" as a mere "honestly"; "on the high side", "below par", "would do it again"). A pattern is a list
 * of words where {@code *} stands for any one word and {@code …} for up to three words of the same clause, so the
 * two halves of a Dutch separable verb find each other ("viel de tweede dag erg tegen"). A negator inside such a gap
 * turns the expression ("viel niet tegen").
 * <p>
 * {@link #match} marks, per token, whether it belongs to an expression and the polarity the expression's first
 * token carries (0 for an expression that only neutralises, "eerlijk gezegd"); the scorer scores that token like an
 * opinion word and skips the rest.
 */
final class Phrases {

    private static final int GAP = 3;

    /** Per token: part of an expression, and the polarity that its first token carries (else null). */
    record Match(boolean[] covered, @Nullable Double[] value) {
    }

    private record Pattern(String[] words, double value) {
    }

    private final Map<String, List<Pattern>> byFirst = new HashMap<>();

    Phrases(Map<String, Double> patterns) {
        patterns.forEach((text, value) -> {
            String[] words = text.split(" ");
            byFirst.computeIfAbsent(words[0], key -> new ArrayList<>()).add(new Pattern(words, value));
        });
        // the longest pattern first, so "viel … uit elkaar" wins over a shorter one at the same word
        byFirst.values().forEach(list -> list.sort((a, b) -> b.words().length - a.words().length));
    }

    Match match(List<Token> tokens, Cues cues, double negation) {
        boolean[] covered = new boolean[tokens.size()];
        Double[] value = new Double[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            if (covered[i]) {
                continue;
            }
            List<Pattern> candidates = byFirst.get(tokens.get(i).term());
            if (candidates == null) {
                continue;
            }
            for (Pattern pattern : candidates) {
                List<Integer> used = new ArrayList<>();
                boolean[] negated = new boolean[1];
                if (matches(tokens, i, pattern.words(), 0, used, negated, cues)) {
                    for (int at : used) {
                        covered[at] = true;
                    }
                    value[i] = negated[0] ? pattern.value() * negation : pattern.value();
                    break;
                }
            }
        }
        return new Match(covered, value);
    }

    /** Whether {@code words[w..]} matches from token {@code at}; collects the tokens used (gap words with a negator). */
    private static boolean matches(List<Token> tokens, int at, String[] words, int w, List<Integer> used,
            boolean[] negated, Cues cues) {
        if (w == words.length) {
            return true;
        }
        if (at >= tokens.size() || w > 0 && !sameClause(tokens, at)) {
            return false;
        }
        String word = words[w];
        if (word.equals("…")) {
            for (int skip = 0; skip <= GAP; skip++) {
                int size = used.size();
                boolean negation = false;
                boolean clauseEnds = false;
                for (int k = at; k < at + skip; k++) {
                    if (k >= tokens.size() || k > at - 1 && !sameClause(tokens, k)) {
                        clauseEnds = true;
                        break;
                    }
                    if (cues.isNegator(tokens.get(k).term())) {
                        negation = true;
                        used.add(k);
                    }
                }
                if (clauseEnds) {
                    return false;
                }
                if (matches(tokens, at + skip, words, w + 1, used, negated, cues)) {
                    negated[0] |= negation;
                    return true;
                }
                used.subList(size, used.size()).clear();
            }
            return false;
        }
        if (word.equals("*") || word.equals(tokens.get(at).term())) {
            used.add(at);
            if (matches(tokens, at + 1, words, w + 1, used, negated, cues)) {
                return true;
            }
            used.remove(used.size() - 1);
        }
        return false;
    }

    /** Whether the token continues the clause of the one before it. */
    private static boolean sameClause(List<Token> tokens, int at) {
        return at > 0 && !tokens.get(at).clauseStart() && tokens.get(at).sentence() == tokens.get(at - 1).sentence();
    }
}
