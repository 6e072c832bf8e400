package nl.buitenin.journey.internal;

import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import nl.buitenin.journey.CountedTouchpointReferences;

/** The interactions recorded at touchpoints: the journey module's own references. */
// The order in which a refusal lists references: what the user set up first, then what was recorded.
@Order(20)
@Component
class InteractionReferences extends CountedTouchpointReferences {

    InteractionReferences(JdbcClient jdbc, MessageSource messages) {
        super(jdbc, messages, "journey.interactions", "journey.references.interactions", "select count(*) from interaction where touchpoint_id in (:ids)");
    }
}
