package nl.buitenin.messaging.internal;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * Sends due messages from the outbox. Each message is claimed with a conditional update first, so
 * two nodes never send the same one. A claim holds for {@code claim} (longer than an SMTP exchange may take,
 * see the mail time-outs in application.yml): when a node dies between its claim and recording the result, the
 * claim expires and another node takes the message over, so no message is lost. Such a message may have reached
 * the mail server just before its node died; it goes out again with the same {@code Message-ID}
 * ({@code <outbox id@buitenin>}), by which mail servers and readers recognise the copy, and its {@code takeovers}
 * count says so (docs/scaling.md). A failure is retried with exponential back-off (1, 2, 4 …
 * minutes) until {@code maxAttempts}. Once sent, recipient, subject and body are erased. Without an
 * SMTP server (the demo), messages are written to the log instead, so the demo shows what would go out.
 */
@Component
public class MailSenderJob {

    private static final Logger log = LoggerFactory.getLogger(MailSenderJob.class);
    private static final int BATCH = 50;

    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final MessagingProperties properties;
    private final Environment environment;
    private final Clock clock;

    MailSenderJob(JdbcClient jdbc, ObjectProvider<JavaMailSender> mailSender, MessagingProperties properties,
            Environment environment, Clock clock) {
        this.jdbc = jdbc;
        this.mailSender = mailSender;
        this.properties = properties;
        this.environment = environment;
        this.clock = clock;
    }

    /** This process (pid@host) in claims: which node holds a message, and once sent which node sent it. */
    private final String node = ManagementFactory.getRuntimeMXBean().getName();

    record Due(UUID id, String recipient, String subject, String text, String html, int attempts) {
    }

    @Scheduled(fixedDelayString = "${buitenin.mail.poll:PT10S}", initialDelayString = "PT5S")
    public void sendDue() {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<Due> due = jdbc.sql("select id, recipient, subject, body_text, body_html, attempts from outbox_message "
                        + "where " + DUE + " order by next_attempt_at limit " + BATCH)
                .param("now", now)
                .query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6)))
                .list();
        for (Due message : due) {
            // The clock at the claim, not at the start of the batch: a claim holds its full time even late in a slow batch.
            if (claim(message, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))) {
                deliver(message);
            }
        }
    }

    /**
     * Due: pending and its time has come, or being sent by a node whose claim expired (that node died or hung). The
     * same condition guards the claim, so of several nodes that read the same row only one gets it.
     */
    private static final String DUE = "((status = 'PENDING' and next_attempt_at <= :now) "
            + "or (status = 'SENDING' and claimed_until < :now))";

    private boolean claim(Due message, OffsetDateTime now) {
        return jdbc.sql("update outbox_message set attempts = attempts + 1, "
                        + "takeovers = takeovers + case when status = 'SENDING' then 1 else 0 end, "
                        + "status = 'SENDING', claimed_by = :node, claimed_until = :until where id = :id and " + DUE)
                .param("node", node).param("until", now.plus(properties.claim())).param("now", now)
                .param("id", message.id()).update() == 1;
    }

    private void deliver(Due message) {
        String host = environment.getProperty("spring.mail.host", "");
        try {
            if (host.isBlank()) {
                if (!environment.matchesProfiles("demo")) {
                    throw new IllegalStateException("no SMTP server configured (BUITENIN_SMTP_HOST)");
                }
                log.info("Demo, no SMTP server: this e-mail would be sent now\n  To: {}\n  Subject: {}\n\n{}",
                        message.recipient(), message.subject(), message.text());
            } else {
                send(message);
            }
            jdbc.sql("update outbox_message set status = 'SENT', sent_at = :now, recipient = null, subject = null, "
                            + "body_text = null, body_html = null, last_error = null, claimed_until = null where id = :id")
                    .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).param("id", message.id()).update();
        } catch (Exception e) {
            int attempts = message.attempts() + 1;
            boolean giveUp = attempts >= properties.maxAttempts();
            Duration backOff = Duration.ofMinutes(1L << Math.min(attempts - 1, 10));
            log.warn("Sending message {} failed (attempt {}): {}", message.id(), attempts, e.getMessage());
            jdbc.sql("update outbox_message set status = :status, next_attempt_at = :next, last_error = :error, "
                            + "claimed_by = null, claimed_until = null where id = :id")
                    .param("status", giveUp ? "FAILED" : "PENDING")
                    .param("next", OffsetDateTime.ofInstant(clock.instant().plus(backOff), ZoneOffset.UTC))
                    .param("error", String.valueOf(e.getMessage()).substring(0, Math.min(500, String.valueOf(e.getMessage()).length())))
                    .param("id", message.id()).update();
        }
    }

    private void send(Due message) throws Exception {
        JavaMailSender sender = mailSender.getObject();
        MimeMessage mime = sender instanceof JavaMailSenderImpl impl
                ? new OutboxMimeMessage(impl.getSession(), messageId(message.id())) : sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mime, message.html() != null, "UTF-8");
        helper.setFrom(properties.from());
        helper.setTo(message.recipient());
        helper.setSubject(message.subject());
        if (message.html() != null) {
            helper.setText(message.text(), message.html());
        } else {
            helper.setText(message.text());
        }
        sender.send(mime);
    }

    /** The same for every attempt at one message, so a copy sent again after a node died is recognisable as such. */
    static String messageId(UUID outboxId) {
        return "<" + outboxId + "@buitenin>";
    }

    /** Keeps the outbox's Message-ID instead of the random one JavaMail gives each message when it is saved. */
    private static final class OutboxMimeMessage extends MimeMessage {

        private final String messageId;

        OutboxMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
