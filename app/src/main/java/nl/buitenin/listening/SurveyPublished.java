package nl.buitenin.listening;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import nl.buitenin.journey.TouchpointId;

/**
 * A survey version was published: from now on it may be sent for these touchpoints, and it no longer
 * changes. {@code lineage} is shared by all versions of the same survey.
 */
public record SurveyPublished(SurveyId survey, UUID lineage, int version, List<TouchpointId> touchpoints, Instant at) {

    public SurveyPublished {
        touchpoints = List.copyOf(touchpoints);
    }
}
