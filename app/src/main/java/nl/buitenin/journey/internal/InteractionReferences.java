package nl.buitenin.journey.internal;

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

/** The interactions recorded at touchpoints: the journey module's own references. */
// The order in which a refusal lists references: what the user set up first, then what was recorded.
@Order(20)
@Component
class InteractionReferences implements TouchpointReferences {

    private final JdbcClient jdbc;
    private final MessageSource messages;

    InteractionReferences(JdbcClient jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    @Override
    public List<TouchpointReference> referencesTo(Set<TouchpointId> touchpoints, Locale locale) {
        if (touchpoints.isEmpty()) {
            return List.of();
        }
        long count = jdbc.sql("select count(*) from interaction where touchpoint_id in (:ids)")
                .param("ids", touchpoints.stream().map(TouchpointId::value).toList()).query(Long.class).single();
        return count == 0 ? List.of() : List.of(new TouchpointReference("journey.interactions", count,
                messages.getMessage("journey.references.interactions", new Object[] {count}, locale)));
    }
}
