package nl.buitenin.listening;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import nl.buitenin.journey.TouchpointId;
import nl.buitenin.privacy.PersonKey;

/**
 * A completed response with its scores, for modules that read scores response by response rather than as summed
 * histograms: key drivers (which question scores move the overall one), respondents' own scales, pilots, score
 * gaming. The person key and the staff reference are personal data: a reader that uses them (groups by them, not
 * just counts) checks its purpose first.
 *
 * @param person      who answered; null for an anonymous response
 * @param touchpoint  the touchpoint the survey was about; null when unknown
 * @param completedAt when the response was completed
 * @param staff       the pseudonymous reference of the staff member who served the person, when known
 * @param team        the team of that staff member, when known
 * @param scores      the scored answers (NPS, CSAT, CES, rating), in the survey's question order
 * @param contactAt   when the contact the response is about took place, when known: the interaction's time for a
 *                    response invited after a recorded interaction; null for imported, widget and other responses
 * @param createdAt   when the response was created (its invitation, or its completion for one stored completed): the
 *                    month it is kept in, which a read by its id names ({@link ResponseKey})
 */
public record ScoredResponse(UUID response, SurveyId survey, @Nullable PersonKey person, @Nullable TouchpointId touchpoint,
        Instant completedAt, @Nullable String staff, @Nullable String team, List<CompletedResponse.Score> scores,
        @Nullable Instant contactAt, Instant createdAt) {

    public ScoredResponse {
        scores = List.copyOf(scores);
    }

    /** The response's id with the month it is kept in. */
    public ResponseKey key() {
        return new ResponseKey(response, createdAt);
    }

    /** The score given to a question, if it was answered. */
    public Optional<CompletedResponse.Score> score(String questionKey) {
        return scores.stream().filter(s -> s.questionKey().equals(questionKey)).findFirst();
    }

    /** The first score of a question type (a survey has at most one NPS question, usually one CSAT). */
    public Optional<CompletedResponse.Score> first(QuestionType type) {
        return scores.stream().filter(s -> s.type() == type).findFirst();
    }
}
