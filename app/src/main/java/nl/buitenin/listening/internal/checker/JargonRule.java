package nl.buitenin.listening.internal.checker;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Jargon from the word lists, plus abbreviations in capitals that are not on the short list of ones
 * everybody knows (KPI, CSAT, FAQ): a person outside the organisation does not know them.
 */
final class JargonRule extends WordListRule {

    private final Set<String> allowedAcronyms = new HashSet<>(Resources.lines("acronyms-allowed.txt"));

    JargonRule() {
        super(FindingCode.JARGON, "jargon.txt", true);
    }

    @Override
    void extra(Question question, List<Token> tokens, Set<String> evidence, List<Span> spans) {
        for (Token token : tokens) {
            String written = question.text().substring(token.start(), token.end());
            boolean acronym = written.length() >= 2 && written.length() <= 6 && written.chars().allMatch(Character::isUpperCase);
            boolean covered = spans.stream().anyMatch(s -> s.start() <= token.start() && token.end() <= s.end());
            if (acronym && !covered && !allowedAcronyms.contains(written)) {
                evidence.add(written);
            }
        }
    }
}
