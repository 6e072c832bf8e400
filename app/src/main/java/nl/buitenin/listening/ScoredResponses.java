package nl.buitenin.listening;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import nl.buitenin.journey.TouchpointId;

/**
 * The one way other modules read scores response by response (the histograms in insight hold the summed counts).
 * Only completed responses with at least one score are returned, oldest first.
 */
public interface ScoredResponses {

    /**
     * The completed responses of [{@code from}, {@code to}) at the given touchpoints.
     *
     * @param touchpoints the touchpoints to read; all touchpoints (and responses without one) when empty
     */
    List<ScoredResponse> between(Instant from, Instant to, Set<TouchpointId> touchpoints);

    /** The same, for the responses to one survey (any of its versions' touchpoints). */
    List<ScoredResponse> ofSurvey(SurveyId survey, Instant from, Instant to);

    /** The published surveys with at least one scale question, their latest version, by title. */
    List<ScoredSurvey> surveys();
}
