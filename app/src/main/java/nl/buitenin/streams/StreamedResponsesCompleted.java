package nl.buitenin.streams;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Responses completed at the touchpoints of one journey, as published on the stream (topic
 * {@code buitenin.responses.completed}, keyed by {@code journey}, or {@code organisation} for responses without a
 * touchpoint). One message per journey of each completed batch (an answer on the page is a batch of one). Scores only:
 * no person key, no comment, no chosen-answer text.
 *
 * @param journey   the journey of every response's touchpoint, or null for responses without a touchpoint
 * @param responses the responses, in the order they were completed
 */
public record StreamedResponsesCompleted(@Nullable UUID journey, List<Response> responses) {

    public StreamedResponsesCompleted {
        responses = List.copyOf(responses);
    }

    /**
     * @param response         the response's id
     * @param survey           the id of the survey version answered
     * @param touchpoint       the touchpoint, or null
     * @param completedAt      when it was answered
     * @param scores           the scored answers
     * @param caseRulesMatched the survey's case rules it met, such as {@code DETRACTOR:nps}
     */
    public record Response(UUID response, UUID survey, @Nullable UUID touchpoint, Instant completedAt, List<Score> scores,
            List<String> caseRulesMatched) {

        public Response {
            scores = List.copyOf(scores);
            caseRulesMatched = List.copyOf(caseRulesMatched);
        }
    }

    /**
     * @param question the question's key ({@code nps})
     * @param type     the question's type ({@code NPS}, {@code CSAT}, {@code CES}, {@code RATING_5}, {@code RATING_10})
     * @param value    the score given
     */
    public record Score(String question, String type, int value) {
    }
}
