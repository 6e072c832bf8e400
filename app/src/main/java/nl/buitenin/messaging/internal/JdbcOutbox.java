package nl.buitenin.messaging.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.messaging.OutgoingMessage;
import nl.buitenin.messaging.Outbox;
import nl.buitenin.privacy.ExportTerm;
import nl.buitenin.privacy.PersonErased;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.PersonalDataErasure;
import nl.buitenin.privacy.PersonalDataSource;
import nl.buitenin.privacy.PurposeId;
import nl.buitenin.privacy.PersonalDataTable;

@Repository
class JdbcOutbox implements Outbox, PersonalDataErasure, PersonalDataSource {

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

    /**
     * A message to the person in their export; recipient and subject are gone once it was sent. The body is left
     * out: it holds the signed link to their own page, which is not for the privacy officer's screen.
     */
    record ExportedMessage(Instant queuedAt, ExportTerm status, String to, String subject, Instant sentAt) {
    }

    @Override
    public String section() {
        return "messages";
    }

    @Override
    public PurposeId purpose() {
        return PurposeId.FEEDBACK;
    }

    @Override
    public List<PersonalDataTable> tables() {
        return List.of(PersonalDataTable.keyed("outbox_message", "person_key", "subject", "body_text", "body_html"));
    }

    @Override
    public List<PersonalDataTable> erases() {
        return tables();
    }

    @Override
    @Transactional(readOnly = true)
    public List<?> export(PersonKey person) {
        return jdbc.sql("select created_at, status, recipient, subject, sent_at from outbox_message "
                        + "where person_key = :person order by created_at desc, id")
                .param("person", person.value())
                .query((rs, n) -> {
                    String status = rs.getString(2);
                    OffsetDateTime sent = rs.getObject(5, OffsetDateTime.class);
                    return new ExportedMessage(rs.getObject(1, OffsetDateTime.class).toInstant(),
                            new ExportTerm(status, "export.messages.status." + status.toLowerCase(java.util.Locale.ROOT)),
                            rs.getString(3), rs.getString(4), sent == null ? null : sent.toInstant());
                }).list();
    }

    /** A forgotten person's messages that have not gone out yet are dropped; sent ones hold nothing personal any more. */
    @ApplicationModuleListener
    void on(PersonErased erased) {
        jdbc.sql("delete from outbox_message where person_key = :person").param("person", erased.person().value()).update();
    }
}
