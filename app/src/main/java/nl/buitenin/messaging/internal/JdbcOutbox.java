package nl.buitenin.messaging.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.messaging.OutgoingMessage;
import nl.buitenin.messaging.Outbox;
import nl.buitenin.privacy.PersonErased;

@Repository
class JdbcOutbox implements Outbox {

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcOutbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public boolean queue(OutgoingMessage message) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return jdbc.sql("insert into outbox_message (id, reference, person_key, recipient, subject, body_text, body_html, "
                        + "status, attempts, next_attempt_at, created_at) values (:id, :reference, :person, :to, :subject, "
                        + ":text, :html, 'PENDING', 0, :now, :now) on conflict do nothing")
                .param("id", UUID.randomUUID())
                .param("reference", message.reference())
                .param("person", message.person() == null ? null : message.person().value())
                .param("to", message.to())
                .param("subject", message.subject())
                .param("text", message.text())
                .param("html", message.html())
                .param("now", now)
                .update() == 1;
    }

    /** A forgotten person's messages that have not gone out yet are dropped; sent ones hold nothing personal any more. */
    @ApplicationModuleListener
    void on(PersonErased erased) {
        jdbc.sql("delete from outbox_message where person_key = :person").param("person", erased.person().value()).update();
    }
}
