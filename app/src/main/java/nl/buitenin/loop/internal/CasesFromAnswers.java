package nl.buitenin.loop.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import nl.buitenin.listening.ResponseCompleted;
import nl.buitenin.listening.ResponsesCompleted;
import nl.buitenin.loop.CaseSource;
import nl.buitenin.loop.CaseType;
import nl.buitenin.loop.Cases;

/**
 * A response that meets one of its survey's case rules (a detractor, a low CSAT, a chosen answer)
 * opens a case to call the person back. One response opens at most one case, however often the event
 * is delivered: the case's source is the response.
 */
@Component
class CasesFromAnswers {

    private final Cases cases;

    CasesFromAnswers(Cases cases) {
        this.cases = cases;
    }

    /** A batch of answers sent through the API: each response as if it came alone (opening a case is idempotent). */
    @ApplicationModuleListener
    void on(ResponsesCompleted batch) {
        batch.responses().forEach(this::on);
    }

    @ApplicationModuleListener
    void on(ResponseCompleted response) {
        if (response.caseRulesMatched().isEmpty() || response.person() == null) {
            // An anonymous response cannot be called back; it still counts in the scores.
            return;
        }
        cases.openFor(CaseSource.answer(response.response().toString()), CaseType.DETRACTOR, response.person(),
                response.touchpoint(), response.summary().isBlank() ? String.join(", ", response.caseRulesMatched())
                        : response.summary());
    }
}
