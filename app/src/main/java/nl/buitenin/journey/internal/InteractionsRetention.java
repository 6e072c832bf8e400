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
 * "feedback" an interaction loses the person's key and stays as an anonymous count.
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
            jdbc.sql("update interaction set person_key = null where person_key is not null and occurred_at < :cutoff")
                    .param("cutoff", OffsetDateTime.ofInstant(expired.cutoff(), ZoneOffset.UTC)).update();
        }
    }
}
