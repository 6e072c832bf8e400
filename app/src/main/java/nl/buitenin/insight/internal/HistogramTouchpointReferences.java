package nl.buitenin.insight.internal;

import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import nl.buitenin.journey.CountedTouchpointReferences;

/** The scores counted in the histograms for touchpoints (also those imported from other tools, without a response). */
// The order in which a refusal lists references: what the user set up first, then what was recorded.
@Order(40)
@Component
class HistogramTouchpointReferences extends CountedTouchpointReferences {

    HistogramTouchpointReferences(JdbcClient jdbc, MessageSource messages) {
        super(jdbc, messages, "insight.scores", "insight.references.scores", "select coalesce(sum(answer_count), 0) from score_histogram where touchpoint_id in (:ids)");
    }
}
