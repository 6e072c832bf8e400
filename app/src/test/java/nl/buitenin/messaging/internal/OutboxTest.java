package nl.buitenin.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.internet.MimeMessage;
import nl.buitenin.messaging.OutgoingMessage;
import nl.buitenin.messaging.Outbox;
import nl.buitenin.privacy.PersonErased;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.EventsHandled;

/** Mail goes through a real SMTP server (GreenMail on loopback). */
@DatabaseTest
class OutboxTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
        registry.add("buitenin.mail.poll", () -> "PT1H");
    }

    static final PersonKey ANNA = new PersonKey("p_aaaaaaaaaaaaaaaaaaaaaaaaaa");

    @Autowired
    Outbox outbox;
    @Autowired
    EventPublicationRegistry registry;
    @Autowired
    MailSenderJob sender;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void queuedTwiceSentOnceAndNothingPersonalKeptAfterwards() throws Exception {
        OutgoingMessage message = new OutgoingMessage("test:once", ANNA, "anna@voorbeeld.nl", "Hoe was uw reis?",
                "Vertel het ons.", null);
        assertThat(outbox.queue(message)).isTrue();
        assertThat(outbox.queue(message)).isFalse();

        sender.sendDue();

        MimeMessage[] received = smtp.getReceivedMessagesForDomain("voorbeeld.nl");
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("Hoe was uw reis?");
        List<String> left = jdbc.sql("select status || ':' || coalesce(recipient, '-') || ':' || coalesce(body_text, '-') "
                + "from outbox_message where reference = 'test:once'").query(String.class).list();
        assertThat(left).containsExactly("SENT:-:-");
    }

    @Test
    void aForgottenPersonsPendingMessagesAreDropped() throws Exception {
        PersonKey bert = new PersonKey("p_bbbbbbbbbbbbbbbbbbbbbbbbbb");
        outbox.queue(new OutgoingMessage("test:erase", bert, "bert@voorbeeld.nl", "Onderwerp", "Tekst", null));
        EventsHandled handled = EventsHandled.since(registry);
        transactions.executeWithoutResult(s -> events.publishEvent(new PersonErased(bert, List.of(), Instant.now())));
        handled.await();
        assertThat(count("test:erase")).isZero();
    }

    @Test
    void refusesAMessageWithoutAddressNamingTheField() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new OutgoingMessage("r", null, "not-an-address", "s", "t", null))
                .hasMessageContaining("to:");
    }

    private long count(String reference) {
        return jdbc.sql("select count(*) from outbox_message where reference = :r").param("r", reference).query(Long.class).single();
    }
}
