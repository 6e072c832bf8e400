package nl.buitenin.listening.internal.checker;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Two things joined by "en"/"and" ("de snelheid en vriendelijkheid", "find and book"): both sides
 * must be content words (not Lucene stop words), so that "u en uw gezin" or a clause such as
 * "en waarom?" does not count. The rewrite is the two separate questions.
 */
final class DoubleBarrelRule implements Rule {

    private static final Set<String> CONJUNCTIONS = Set.of("en", "and", "evenals", "alsmede");
    private static final Set<String> ARTICLES = Set.of("de", "het", "een", "onze", "ons", "uw", "te", "the", "a", "an", "our", "your", "its", "to");
    /** Openings of a clause that only sets the scene ("Als u terugdenkt aan ..., hoe ...?"); what it joins is not asked about. */
    private static final Set<String> SCENE_SETTERS = Set.of("als", "wanneer", "toen", "nadat", "terwijl", "thinking", "when", "if", "after",
            "while", "looking");
    private static final Set<String> FOLLOW_UPS = Set.of("waarom", "why", "hoe", "how", "wat", "what", "waar", "where", "wanneer", "when",
            "zou", "would", "kunt", "can", "could", "wilt", "will", "welke", "which");

    @Override
    public Optional<Finding> check(Question question, List<Token> tokens) {
        String text = question.text();
        for (int i = 1; i < tokens.size() - 1; i++) {
            if (!CONJUNCTIONS.contains(tokens.get(i).word()) || inSceneSetting(text, tokens, i)) {
                continue;
            }
            Token left = tokens.get(i - 1);
            int r = i + 1;
            while (r < tokens.size() - 1 && ARTICLES.contains(tokens.get(r).word())) {
                r++;
            }
            Token right = tokens.get(r);
            if (isContent(left, question.language()) && isContent(right, question.language()) && !FOLLOW_UPS.contains(right.word())) {
                Token conjunction = tokens.get(i);
                String first = text.substring(0, conjunction.start()).stripTrailing() + text.substring(right.end());
                // The right side's own article replaces the left side's: "the price and the length" -> "the length", not "the the length".
                int secondFrom = left.start();
                for (int a = i - 2; r > i + 1 && a >= 0 && ARTICLES.contains(tokens.get(a).word()); a--) {
                    secondFrom = tokens.get(a).start();
                }
                String second = text.substring(0, secondFrom) + text.substring(tokens.get(i + 1).start());
                String evidence = text.substring(left.start(), right.end());
                return Optional.of(Resources.finding(FindingCode.DOUBLE_BARRELLED, evidence,
                        Resources.tidy(first) + " / " + Resources.tidy(second)));
            }
        }
        return Optional.empty();
    }

    private static boolean inSceneSetting(String text, List<Token> tokens, int conjunction) {
        return SCENE_SETTERS.contains(tokens.get(0).word()) && text.indexOf(',', tokens.get(conjunction).end()) >= 0;
    }

    private static boolean isContent(Token token, Language language) {
        return !Tokens.isStopWord(token.word(), language) && !token.word().chars().allMatch(Character::isDigit)
                && !Tokens.isStopWord(token.word(), language == Language.NL ? Language.EN : Language.NL);
    }
}
