package nl.buitenin.listening.internal.checker;

import java.util.List;
import java.util.Optional;

/** Several ways to find the same problem; the first that finds it speaks. */
record FirstOf(List<Rule> rules) implements Rule {

    @Override
    public Optional<Finding> check(Question question, List<Token> tokens) {
        for (Rule rule : rules) {
            Optional<Finding> finding = rule.check(question, tokens);
            if (finding.isPresent()) {
                return finding;
            }
        }
        return Optional.empty();
    }
}
