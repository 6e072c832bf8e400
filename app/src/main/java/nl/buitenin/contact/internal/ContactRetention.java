package nl.buitenin.contact.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import nl.buitenin.privacy.PurposeId;
import nl.buitenin.privacy.RetentionExpired;

/** Decisions and the contact log serve "feedback"; past its retention they are deleted. */
@Component
class ContactRetention {

    private final JdbcClient jdbc;

    ContactRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(RetentionExpired expired) {
        if (!expired.purpose().equals(PurposeId.FEEDBACK)) {
            return;
        }
        OffsetDateTime cutoff = OffsetDateTime.ofInstant(expired.cutoff(), ZoneOffset.UTC);
        jdbc.sql("delete from contact_attempt where sent_at < :cutoff").param("cutoff", cutoff).update();
        jdbc.sql("delete from contact_decision where decided_at < :cutoff").param("cutoff", cutoff).update();
    }
}
