package nl.buitenin.loop.internal;

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

/** Cases opened at touchpoints, open or closed: their history names the touchpoint. */
// The order in which a refusal lists references: what the user set up first, then what was recorded.
@Order(30)
@Component
class CaseTouchpointReferences implements TouchpointReferences {

    private final JdbcClient jdbc;
    private final MessageSource messages;

    CaseTouchpointReferences(JdbcClient jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    @Override
    public List<TouchpointReference> referencesTo(Set<TouchpointId> touchpoints, Locale locale) {
        if (touchpoints.isEmpty()) {
            return List.of();
        }
        long cases = jdbc.sql("select count(*) from loop_case where touchpoint_id in (:ids)")
                .param("ids", touchpoints.stream().map(TouchpointId::value).toList()).query(Long.class).single();
        return cases == 0 ? List.of() : List.of(new TouchpointReference("loop.cases", cases,
                messages.getMessage("loop.references.cases", new Object[] {cases}, locale)));
    }
}
