package nl.buitenin.listening.internal.checker;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Leading wording, found by its sentence pattern or by praise, with one rewrite that removes both: a question that
 * asks for agreement about "our excellent guides" is rewritten to a balanced statement without "excellent", and a tag
 * question whose stem is itself leading ("You loved it, didn't you?") is rewritten until no pattern applies. A rewrite
 * that still leads would only send the writer round again.
 */
final class LeadingRule implements Rule {

    /** More patterns than this in one question do not occur; the limit keeps a pattern that rewrites into itself from looping. */
    private static final int MAX_PATTERNS = 3;

    private final PatternRule patterns = new PatternRule(FindingCode.LEADING, "leading.txt");
    private final PraiseRule praise = new PraiseRule();

    @Override
    public Optional<Finding> check(Question question, List<Token> tokens) {
        List<String> evidence = new ArrayList<>();
        Question current = question;
        List<Token> currentTokens = tokens;
        for (int step = 0; step < MAX_PATTERNS; step++) {
            Optional<Finding> found = patterns.check(current, currentTokens);
            if (found.isEmpty()) {
                break;
            }
            evidence.add(found.get().evidence());
            current = new Question(found.get().rewrite(), question.options(), question.language());
            currentTokens = Tokens.of(current.text(), current.language());
        }
        Optional<Finding> praised = praise.check(current, currentTokens);
        if (praised.isPresent()) {
            evidence.add(praised.get().evidence());
            current = new Question(praised.get().rewrite(), question.options(), question.language());
        }
        if (evidence.isEmpty()) {
            return Optional.empty();
        }
        // Each part is a stretch of the question, so they read as one quotation with a gap: "Don't you agree that … excellent".
        return Optional.of(Resources.finding(FindingCode.LEADING, String.join(" \u2026 ", evidence), current.text()));
    }
}
