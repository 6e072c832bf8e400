package nl.buitenin.listening.internal.checker;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks the wording of survey questions in Dutch and English for the problems that make answers
 * say more about the question than about the experience (see {@link FindingCode}). Plain Java,
 * thread-safe after construction; construct once, the word lists are read then.
 */
public final class QuestionChecker {

    private final List<Rule> rules = List.of(
            new LeadingRule(),
            new PatternRule(FindingCode.LOADED, "loaded.txt"),
            new DoubleBarrelRule(),
            new ScaleBalanceRule(),
            new WordListRule(FindingCode.ABSOLUTE, "absolutes.txt", false),
            new JargonRule(),
            new LengthRule());

    /** The findings for one question, at most one per code, in the order of {@link FindingCode}. */
    public List<Finding> check(Question question) {
        List<Token> tokens = Tokens.of(question.text(), question.language());
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules) {
            rule.check(question, tokens).ifPresent(findings::add);
        }
        return findings;
    }

    /** Guesses whether a text is Dutch or English from its stop words. */
    public static Language detectLanguage(String text) {
        return Tokens.detect(text);
    }
}
