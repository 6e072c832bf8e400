package nl.buitenin.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import nl.buitenin.messaging.OutgoingMessage;
import nl.buitenin.messaging.Outbox;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.Unique;

/**
 * Claims on outbox messages, as several nodes use them: a message is sent by one sender only, a live claim is left
 * alone, and the claim of a node that died mid-send expires so that another node sends the message after all.
 */
@DatabaseTest
class OutboxClaimsTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
        registry.add("buitenin.mail.poll", () -> "PT1H");
    }

    @Autowired
    Outbox outbox;
    @Autowired
    MailSenderJob sender;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aMessageWhoseNodeDiedMidSendIsTakenOverOnceItsClaimHasExpired() throws Exception {
        String reference = "claims:" + Unique.name("dead");
        outbox.queue(new OutgoingMessage(reference, null, "overgenomen@claims.voorbeeld.nl", "Overgenomen", "Tekst", null));
        // What a node leaves behind when it is killed between its claim and recording the result.
        jdbc.sql("update outbox_message set status = 'SENDING', attempts = 1, claimed_by = 'dead-node', claimed_until = :past "
                        + "where reference = :r")
                .param("past", OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1)).param("r", reference).update();

        sender.sendDue();

        assertThat(row(reference)).startsWith("SENT:2:1:").doesNotEndWith(":dead-node");
        List<MimeMessage> received = to("overgenomen@claims.voorbeeld.nl");
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getMessageID()).isEqualTo(MailSenderJob.messageId(id(reference)));
    }

    @Test
    void aLiveClaimOfAnotherNodeIsLeftAlone() throws Exception {
        String reference = "claims:" + Unique.name("live");
        outbox.queue(new OutgoingMessage(reference, null, "bezet@claims.voorbeeld.nl", "Bezet", "Tekst", null));
        jdbc.sql("update outbox_message set status = 'SENDING', attempts = 1, claimed_by = 'other-node', claimed_until = :future "
                        + "where reference = :r")
                .param("future", OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(5)).param("r", reference).update();

        sender.sendDue();

        assertThat(row(reference)).isEqualTo("SENDING:1:0:other-node");
        assertThat(to("bezet@claims.voorbeeld.nl")).isEmpty();
    }

    @Test
    void sendersRacingOverTheSameMessagesSendEachOnce() throws Exception {
        String prefix = "claims:" + Unique.name("race") + ":";
        int messages = 30;
        for (int i = 0; i < messages; i++) {
            outbox.queue(new OutgoingMessage(prefix + i, null, "race" + i + "@race.claims.voorbeeld.nl", "Race " + i, "Tekst", null));
        }
        // Three senders at once read the same due rows, as three nodes would; the claims decide who sends each.
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Callable<Void>> runs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                runs.add(() -> {
                    sender.sendDue();
                    return null;
                });
            }
            for (Future<Void> run : pool.invokeAll(runs)) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }

        Map<String, Long> copies = Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> recipient(m).endsWith("@race.claims.voorbeeld.nl"))
                .collect(Collectors.groupingBy(OutboxClaimsTest::recipient, Collectors.counting()));
        assertThat(copies).hasSize(messages);
        assertThat(copies.values()).as("copies per recipient").containsOnly(1L);
        assertThat(jdbc.sql("select count(*) from outbox_message where reference like :p and status = 'SENT' and attempts = 1")
                .param("p", prefix + "%").query(Long.class).single()).isEqualTo(messages);
    }

    private String row(String reference) {
        return jdbc.sql("select status || ':' || attempts || ':' || takeovers || ':' || coalesce(claimed_by, '-') "
                + "from outbox_message where reference = :r").param("r", reference).query(String.class).single();
    }

    private UUID id(String reference) {
        return jdbc.sql("select id from outbox_message where reference = :r").param("r", reference).query(UUID.class).single();
    }

    private static List<MimeMessage> to(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> recipient(m).equals(address)).toList();
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

}
