package nl.buitenin.listening.internal.widget;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import nl.buitenin.journey.TouchpointId;

/**
 * A site (web page or app) that shows a survey in its own pages: the survey, the touchpoint its answers
 * belong to, and the origins allowed to frame the answer page.
 */
public record WidgetSite(UUID id, String name, UUID surveyLineage, TouchpointId touchpoint, List<String> origins, Instant createdAt) {

    public WidgetSite {
        origins = List.copyOf(origins);
    }

    /** The value of {@code frame-ancestors}: exactly the registered origins. */
    public String frameAncestors() {
        return String.join(" ", origins);
    }
}
