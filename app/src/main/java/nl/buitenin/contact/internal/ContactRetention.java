package nl.buitenin.contact.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import nl.buitenin.platform.MonthlyPartitions;
import nl.buitenin.privacy.PurposeId;
import nl.buitenin.privacy.RetentionExpired;

/**
 * Decisions and the contact log serve "feedback"; past its retention they are deleted. On PostgreSQL the decisions are
 * partitioned by month of {@code decided_at}: a month that ended before the cutoff is dropped whole (every decision in
 * it, offers too, would be deleted here anyway), the rest row by row.
 */
@Component
class ContactRetention {

    private final JdbcClient jdbc;
    private final MonthlyPartitions partitions;

    ContactRetention(JdbcClient jdbc, MonthlyPartitions partitions) {
        this.jdbc = jdbc;
        this.partitions = partitions;
    }

    @ApplicationModuleListener
    void on(RetentionExpired expired) {
        if (!expired.purpose().equals(PurposeId.FEEDBACK)) {
            return;
        }
        OffsetDateTime cutoff = OffsetDateTime.ofInstant(expired.cutoff(), ZoneOffset.UTC);
        jdbc.sql("delete from contact_attempt where sent_at < :cutoff").param("cutoff", cutoff).update();
        partitions.dropBefore("contact_decision", expired.cutoff());
        jdbc.sql("delete from contact_decision where decided_at < :cutoff").param("cutoff", cutoff).update();
    }
}
