package nl.buitenin.contact.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import nl.buitenin.privacy.PurposeId;
import nl.buitenin.privacy.RetentionExpired;

/** Offer decisions and sent offers serve "offers"; past that purpose's retention they are deleted. */
@Component
class ContactOfferRetention {

    private final JdbcClient jdbc;

    ContactOfferRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(RetentionExpired expired) {
        if (!expired.purpose().equals(PurposeId.OFFERS)) {
            return;
        }
        OffsetDateTime cutoff = OffsetDateTime.ofInstant(expired.cutoff(), ZoneOffset.UTC);
        jdbc.sql("delete from contact_attempt where kind = 'OFFER' and sent_at < :cutoff").param("cutoff", cutoff).update();
        jdbc.sql("delete from contact_decision where kind = 'OFFER' and decided_at < :cutoff").param("cutoff", cutoff).update();
    }
}
