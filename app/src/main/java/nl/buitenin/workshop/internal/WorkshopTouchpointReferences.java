package nl.buitenin.workshop.internal;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import nl.buitenin.journey.CountedTouchpointReferences;

/** Workshop notes on a touchpoint keep it from being deleted (archiving leaves them readable). */
@Component
class WorkshopTouchpointReferences extends CountedTouchpointReferences {

    WorkshopTouchpointReferences(JdbcClient jdbc, MessageSource messages) {
        super(jdbc, messages, "workshop.notes", "workshop.references.notes",
                "select count(*) from workshop_item where touchpoint_id in (:ids)");
    }
}
