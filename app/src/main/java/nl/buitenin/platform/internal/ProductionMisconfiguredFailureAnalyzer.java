package nl.buitenin.platform.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a refused production start into a short message that says what to set. */
class ProductionMisconfiguredFailureAnalyzer extends AbstractFailureAnalyzer<ProductionMisconfiguredException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ProductionMisconfiguredException cause) {
        return new FailureAnalysis("Buitenin refused to start: " + cause.getMessage(),
                "Set the environment variables named above and start again. See the README, section 'Production on PostgreSQL'.",
                cause);
    }
}
