package nl.buitenin.assumptions;

import java.util.UUID;

/** An assumption with its latest verdict and that verdict explained in words, in the reader's language. */
public record AssumptionResult(UUID id, String statement, Verdict verdict, String explanation) {
}
