package nl.buitenin.insight.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.TouchpointReference;
import nl.buitenin.journey.TouchpointReferences;

/** The scores counted in the histograms for touchpoints (also those imported from other tools, without a response). */
// The order in which a refusal lists references: what the user set up first, then what was recorded.
@Order(40)
@Component
class HistogramTouchpointReferences implements TouchpointReferences {

    private final JdbcClient jdbc;
    private final MessageSource messages;

    HistogramTouchpointReferences(JdbcClient jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    @Override
    public List<TouchpointReference> referencesTo(Set<TouchpointId> touchpoints, Locale locale) {
        if (touchpoints.isEmpty()) {
            return List.of();
        }
        long scores = jdbc.sql("select coalesce(sum(answer_count), 0) from score_histogram where touchpoint_id in (:ids)")
                .param("ids", touchpoints.stream().map(TouchpointId::value).toList()).query(Long.class).single();
        return scores == 0 ? List.of() : List.of(new TouchpointReference("insight.scores", scores,
                messages.getMessage("insight.references.scores", new Object[] {scores}, locale)));
    }
}
