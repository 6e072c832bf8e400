package nl.buitenin.contact.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.TouchpointReference;
import nl.buitenin.journey.TouchpointReferences;

/** The contact policy's own sampling share for a touchpoint, and the decisions and messages logged for it. */
// The order in which a refusal lists references: what the user set up first, then what was recorded.
@Order(50)
@Component
class ContactTouchpointReferences implements TouchpointReferences {

    private final JdbcClient jdbc;
    private final StoredContactPolicy policy;
    private final MessageSource messages;

    ContactTouchpointReferences(JdbcClient jdbc, StoredContactPolicy policy, MessageSource messages) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.messages = messages;
    }

    @Override
    public List<TouchpointReference> referencesTo(Set<TouchpointId> touchpoints, Locale locale) {
        if (touchpoints.isEmpty()) {
            return List.of();
        }
        List<TouchpointReference> found = new ArrayList<>();
        long shares = policy.current().touchpointShares().keySet().stream().filter(touchpoints::contains).count();
        if (shares > 0) {
            found.add(new TouchpointReference("contact.policyShare", shares,
                    messages.getMessage("contact.references.policyShare", new Object[] {shares}, locale)));
        }
        List<UUID> ids = touchpoints.stream().map(TouchpointId::value).toList();
        long logged = jdbc.sql("select count(*) from contact_decision where touchpoint_id in (:ids)").param("ids", ids).query(Long.class).single()
                + jdbc.sql("select count(*) from contact_attempt where touchpoint_id in (:ids)").param("ids", ids).query(Long.class).single();
        if (logged > 0) {
            found.add(new TouchpointReference("contact.log", logged,
                    messages.getMessage("contact.references.log", new Object[] {logged}, locale)));
        }
        return found;
    }
}
