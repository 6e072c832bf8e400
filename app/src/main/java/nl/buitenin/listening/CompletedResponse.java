package nl.buitenin.listening;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import nl.buitenin.journey.TouchpointId;
import nl.buitenin.platform.EventChunks;
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
 * @param createdAt        when the response was stored first (its partition key; {@link #key()}); null in events
 *                         published before it was carried
 */
public record CompletedResponse(UUID response, String sourceRef, SurveyId survey, PersonKey person, TouchpointId touchpoint,
        List<Score> scores, List<String> caseRulesMatched, String summary, Instant at, @Nullable Instant createdAt) {

    public CompletedResponse {
        scores = List.copyOf(scores);
        caseRulesMatched = List.copyOf(caseRulesMatched);
    }

    /** A completed response as events before {@code createdAt} described it. */
    public CompletedResponse(UUID response, String sourceRef, SurveyId survey, PersonKey person, TouchpointId touchpoint,
            List<Score> scores, List<String> caseRulesMatched, String summary, Instant at) {
        this(response, sourceRef, survey, person, touchpoint, scores, caseRulesMatched, summary, at, null);
    }

    /**
     * The response's id with its partition key, for reads that look in its month only ({@link Comments#of(java.util.Collection)});
     * null when the event does not carry when the response was stored.
     */
    public @Nullable ResponseKey key() {
        return createdAt == null ? null : new ResponseKey(response, createdAt);
    }

    /** One scored answer. */
    public record Score(String questionKey, QuestionType type, int value) {
    }

    /**
     * An upper bound of the characters this response takes in a {@link ResponsesCompleted} event in the event log, so
     * the publisher can keep each event within what the log holds ({@link EventChunks}): 600 for the field names, the
     * ids, the times and the brackets, 80 per score besides its question key, and every text at its longest escape.
     */
    public int storedLengthAtMost() {
        int length = 600 + EventChunks.textLength(sourceRef) + EventChunks.textLength(summary);
        for (Score score : scores) {
            length += 80 + EventChunks.textLength(score.questionKey());
        }
        for (String rule : caseRulesMatched) {
            length += EventChunks.textLength(rule);
        }
        return length;
    }
}
