package nl.buitenin.messaging.internal;

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
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import jakarta.mail.internet.MimeMessage;

/**
 * Sends due messages from the outbox. Each message is claimed with a conditional update first, so
 * two nodes never send the same one. A failure is retried with exponential back-off (1, 2, 4 …
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

    record Due(UUID id, String recipient, String subject, String text, String html, int attempts) {
    }

    @Scheduled(fixedDelayString = "${buitenin.mail.poll:PT10S}", initialDelayString = "PT5S")
    public void sendDue() {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<Due> due = jdbc.sql("select id, recipient, subject, body_text, body_html, attempts from outbox_message "
                        + "where status = 'PENDING' and next_attempt_at <= :now order by next_attempt_at limit " + BATCH)
                .param("now", now)
                .query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6)))
                .list();
        for (Due message : due) {
            if (claim(message, now)) {
                deliver(message);
            }
        }
    }

    private boolean claim(Due message, OffsetDateTime now) {
        return jdbc.sql("update outbox_message set status = 'SENDING', attempts = attempts + 1 where id = :id and status = 'PENDING'")
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
                            + "body_text = null, body_html = null, last_error = null where id = :id")
                    .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).param("id", message.id()).update();
        } catch (Exception e) {
            int attempts = message.attempts() + 1;
            boolean giveUp = attempts >= properties.maxAttempts();
            Duration backOff = Duration.ofMinutes(1L << Math.min(attempts - 1, 10));
            log.warn("Sending message {} failed (attempt {}): {}", message.id(), attempts, e.getMessage());
            jdbc.sql("update outbox_message set status = :status, next_attempt_at = :next, last_error = :error where id = :id")
                    .param("status", giveUp ? "FAILED" : "PENDING")
                    .param("next", OffsetDateTime.ofInstant(clock.instant().plus(backOff), ZoneOffset.UTC))
                    .param("error", String.valueOf(e.getMessage()).substring(0, Math.min(500, String.valueOf(e.getMessage()).length())))
                    .param("id", message.id()).update();
        }
    }

    private void send(Due message) throws Exception {
        JavaMailSender sender = mailSender.getObject();
        MimeMessage mime = sender.createMimeMessage();
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
}
