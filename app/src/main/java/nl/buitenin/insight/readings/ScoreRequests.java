package nl.buitenin.insight.readings;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Does a comment say its writer was asked for a (top) score — "hij vroeg of ik een 10 wilde geven", "she asked me to
 * give a 10"? A request word followed, within a few words, by a top-score phrase, in Dutch or English. A pattern
 * reader, not a model: it is checked on written examples (ScoreRequestsTest) and errs on the side of missing a
 * request rather than inventing one ("ik geef nooit een 10" is no request; "ze vroegen hoe het was" has no score).
 */
public final class ScoreRequests {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final int WINDOW = 8;

    private static final Set<String> REQUEST = Set.of(
            // Dutch
            "vroeg", "vroegen", "gevraagd", "verzocht", "verzoek", "smeekte", "smeekten", "gesmeekt", "bedelde",
            "aandrong", "drong", "vraagt", "vragen", "moest", "moesten", "verwachtte", "verwacht", "bonus",
            // English
            "ask", "asked", "asks", "asking", "begged", "pleaded", "requested", "urged", "pushed", "pressured", "told",
            "expects", "expected", "insisted");

    private static final Set<String> SCORE = Set.of("10", "tien", "ten", "topscore", "topcijfer", "negen", "nine");

    private static final List<List<String>> SCORE_PHRASES = List.of(
            List.of("hoge", "score"), List.of("hoog", "cijfer"), List.of("hoogste", "cijfer"), List.of("hoogste", "score"),
            List.of("goede", "beoordeling"), List.of("goed", "cijfer"), List.of("5", "sterren"), List.of("vijf", "sterren"),
            List.of("high", "score"), List.of("high", "rating"), List.of("good", "rating"), List.of("good", "score"),
            List.of("top", "score"), List.of("top", "marks"), List.of("full", "marks"), List.of("perfect", "score"),
            List.of("5", "stars"), List.of("five", "stars"));

    /** A denial near the request ("vroeg niet om", "didn't ask for", "never asked") takes it back. */
    private static final Set<String> DENIAL = Set.of("niet", "nooit", "geen", "not", "never", "t", "no", "nobody", "niemand");

    private ScoreRequests() {
    }

    public static boolean mentionsRequest(String comment) {
        List<String> words = words(comment);
        for (int i = 0; i < words.size(); i++) {
            if (!REQUEST.contains(words.get(i)) || denied(words, i)) {
                continue;
            }
            for (int j = i + 1; j < Math.min(words.size(), i + 1 + WINDOW); j++) {
                if (scoreAt(words, j)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean denied(List<String> words, int request) {
        for (int k = Math.max(0, request - 2); k < Math.min(words.size(), request + 3); k++) {
            if (DENIAL.contains(words.get(k))) {
                return true;
            }
        }
        return false;
    }

    private static boolean scoreAt(List<String> words, int index) {
        if (SCORE.contains(words.get(index))) {
            return true;
        }
        for (List<String> phrase : SCORE_PHRASES) {
            if (index + phrase.size() <= words.size() && words.subList(index, index + phrase.size()).equals(phrase)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> words(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replace("10/10", " 10 ").replace("n't", " not");
        return WORD.matcher(plain).results().map(m -> m.group()).toList();
    }
}
