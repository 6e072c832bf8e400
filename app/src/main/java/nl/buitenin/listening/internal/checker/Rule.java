package nl.buitenin.listening.internal.checker;

import java.util.Optional;

/** One kind of wording problem; gives at most one finding per question. */
interface Rule {

    Optional<Finding> check(Question question, java.util.List<Token> tokens);
}
