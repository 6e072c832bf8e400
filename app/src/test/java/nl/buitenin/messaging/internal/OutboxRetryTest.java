package nl.buitenin.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.buitenin.messaging.OutgoingMessage;
import nl.buitenin.messaging.Outbox;

/** When the mail server cannot be reached, the message waits and is tried again later. */
@SpringBootTest(properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=1", "buitenin.mail.poll=PT1H"})
class OutboxRetryTest {

    @Autowired
    Outbox outbox;
    @Autowired
    MailSenderJob sender;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anUnreachableServerLeavesTheMessagePendingWithBackOff() {
        outbox.queue(new OutgoingMessage("test:retry", null, "team@voorbeeld.nl", "Onderwerp", "Tekst", null));
        sender.sendDue();
        var row = jdbc.sql("select status, attempts, last_error, next_attempt_at > created_at from outbox_message where reference = 'test:retry'")
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getInt(2), rs.getString(3), rs.getBoolean(4)}).single();
        assertThat(row[0]).isEqualTo("PENDING");
        assertThat(row[1]).isEqualTo(1);
        assertThat((String) row[2]).isNotBlank();
        assertThat(row[3]).isEqualTo(true);
        sender.sendDue();
        assertThat(jdbc.sql("select attempts from outbox_message where reference = 'test:retry'").query(Integer.class).single())
                .as("not retried before its back-off has passed").isEqualTo(1);
    }
}
