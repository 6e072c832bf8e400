package nl.buitenin.listening;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import nl.buitenin.journey.TouchpointId;
import nl.buitenin.privacy.PersonKey;

/**
 * One response of a {@link ResponsesCompleted} event: a person finished a survey. {@code caseRulesMatched} names the
 * survey's case rules that this response meets (the loop module opens a case for each, once per response:
 * {@code sourceRef}).
 *
 * @param response         the response id
 * @param sourceRef        a stable reference for whatever the response leads to, {@code answer:<response id>}
 * @param person           who answered; null for an anonymous response
 * @param touchpoint       the touchpoint the survey was about; null when unknown
 * @param scores           the scores given, per question key
 * @param caseRulesMatched the triggers of the rules met, such as {@code DETRACTOR:nps}
 * @param summary          a short text for a case title, without personal data (scores and choices only)
 */
public record CompletedResponse(UUID response, String sourceRef, SurveyId survey, PersonKey person, TouchpointId touchpoint,
        List<Score> scores, List<String> caseRulesMatched, String summary, Instant at) {

    public CompletedResponse {
        scores = List.copyOf(scores);
        caseRulesMatched = List.copyOf(caseRulesMatched);
    }

    /** One scored answer. */
    public record Score(String questionKey, QuestionType type, int value) {
    }
}
