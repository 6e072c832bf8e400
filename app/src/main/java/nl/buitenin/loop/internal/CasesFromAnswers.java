package nl.buitenin.loop.internal;

import java.util.Optional;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import nl.buitenin.listening.CompletedResponse;
import nl.buitenin.listening.ResponsesCompleted;
import nl.buitenin.loop.CaseSource;
import nl.buitenin.loop.CaseType;

/**
 * A response that meets one of its survey's case rules (a detractor, a low CSAT, a chosen answer)
 * opens a case to call the person back. One response opens at most one case, however often the event
 * is delivered: the case's source is the response. The case opens at the moment of the answer, so a
 * late delivery does not stretch the SLA, and the demo's history opens its cases the same way.
 */
@Component
public class CasesFromAnswers {

    private final CaseWork work;

    CasesFromAnswers(CaseWork work) {
        this.work = work;
    }

    /** Completed responses, one from a page or many from a batch: each on its own (opening a case is idempotent). */
    @ApplicationModuleListener
    void on(ResponsesCompleted completed) {
        completed.responses().forEach(this::open);
    }

    /** The response's case (opened now or before), or empty when it meets no rule or is anonymous. */
    public Optional<CaseWork.Opened> open(CompletedResponse response) {
        if (response.caseRulesMatched().isEmpty() || response.person() == null) {
            // An anonymous response cannot be called back; it still counts in the scores.
            return Optional.empty();
        }
        String summary = response.summary().isBlank() ? String.join(", ", response.caseRulesMatched()) : response.summary();
        return Optional.of(work.open(new CaseWork.Opening(CaseSource.answer(response.response().toString()), CaseType.DETRACTOR,
                response.person(), response.touchpoint(), null, null, null, summary), CaseWork.SYSTEM, response.at()));
    }
}
