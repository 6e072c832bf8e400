package nl.buitenin.journey.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import nl.buitenin.privacy.PurposeId;
import nl.buitenin.privacy.RetentionExpired;

/**
 * Who had which contact is kept to ask for feedback about it (and not too often): past the retention of
 * "feedback" an interaction loses the person's key and its reason as written, and stays as an anonymous count with its
 * reason code. Past the retention of "service-quality-staff" it loses the staff reference and keeps the team.
 */
@Component
class InteractionsRetention {

    private final JdbcClient jdbc;

    InteractionsRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(RetentionExpired expired) {
        if (expired.purpose().equals(PurposeId.FEEDBACK)) {
            // The reason goes with the key: free text that may name the person, kept for feedback about this contact.
            // The reason code stays, so old contacts still count by what they were about.
            jdbc.sql("update interaction set person_key = null, reason = null where person_key is not null and occurred_at < :cutoff")
                    .param("cutoff", OffsetDateTime.ofInstant(expired.cutoff(), ZoneOffset.UTC)).update();
        }
        if (expired.purpose().equals(PurposeId.SERVICE_QUALITY_STAFF)) {
            // Who served the person goes past its own retention; the team stays, for team figures.
            jdbc.sql("update interaction set staff_ref = null where staff_ref is not null and occurred_at < :cutoff")
                    .param("cutoff", OffsetDateTime.ofInstant(expired.cutoff(), ZoneOffset.UTC)).update();
        }
    }
}
