package nl.buitenin.loop.internal;

import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import nl.buitenin.journey.CountedTouchpointReferences;

/** Cases opened at touchpoints, open or closed: their history names the touchpoint. */
// The order in which a refusal lists references: what the user set up first, then what was recorded.
@Order(30)
@Component
class CaseTouchpointReferences extends CountedTouchpointReferences {

    CaseTouchpointReferences(JdbcClient jdbc, MessageSource messages) {
        super(jdbc, messages, "loop.cases", "loop.references.cases", "select count(*) from loop_case where touchpoint_id in (:ids)");
    }
}
