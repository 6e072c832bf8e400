package nl.buitenin.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import com.sun.net.httpserver.HttpServer;

import nl.buitenin.journey.Channel;
import nl.buitenin.loop.internal.CaseWork;
import nl.buitenin.loop.internal.WebhookDispatcher;
import nl.buitenin.loop.internal.WebhookSignature;
import nl.buitenin.loop.internal.Webhooks;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.testing.DatabaseTest;

/** A service desk on loopback that checks every signature and refuses the first delivery. */
@DatabaseTest
@TestPropertySource(properties = {"buitenin.loop.jobs-enabled=false", "buitenin.loop.webhook-first-retry=PT10S",
        "buitenin.loop.webhook-max-attempts=3"})
class WebhooksTest {

    static final String SECRET = "a shared desk secret";

    @Autowired
    Webhooks webhooks;
    @Autowired
    WebhookDispatcher dispatcher;
    @Autowired
    CaseWork work;
    @Autowired
    JdbcClient jdbc;

    HttpServer desk;
    final List<String> verifiedBodies = new CopyOnWriteArrayList<>();
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger badSignatures = new AtomicInteger();

    @BeforeEach
    void startDesk() throws IOException {
        desk = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        desk.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String signature = exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER);
            int attempt = requests.incrementAndGet();
            int status;
            if (!WebhookSignature.verify(SECRET, signature, body)) {
                badSignatures.incrementAndGet();
                status = 401;
            } else if (attempt == 1) {
                status = 503;
            } else {
                verifiedBodies.add(body);
                status = 204;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        desk.start();
    }

    @AfterEach
    void stopDesk() {
        desk.stop(0);
    }

    @Test
    void aCaseEventArrivesSignedAfterARetryWithBackOff() {
        var subscription = webhooks.subscribe("http://127.0.0.1:" + desk.getAddress().getPort() + "/hook", SECRET,
                Set.of("case.opened"));
        CaseId id = work.open(new CaseWork.Opening(CaseSource.complaint(UUID.randomUUID().toString()), CaseType.COMPLAINT,
                null, null, Channel.PHONE, "Klantenservice", null, "Jan Jansen: de koffer kwam niet"), "test",
                Instant.now()).file().id();
        // Rounded up, not down: truncated, "now" could fall a fraction of a millisecond before the moment the
        // delivery was queued (stored with microseconds), and the delivery would not be due yet.
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).plusMillis(1);

        assertThat(dispatcher.deliverDue(now)).isZero();
        assertThat(requests.get()).isEqualTo(1);
        // Not due again before the back-off has passed.
        assertThat(dispatcher.deliverDue(now.plusSeconds(5))).isZero();
        assertThat(requests.get()).isEqualTo(1);
        assertThat(dispatcher.deliverDue(now.plusSeconds(11))).isEqualTo(1);

        assertThat(badSignatures.get()).isZero();
        assertThat(verifiedBodies).singleElement().satisfies(body -> {
            assertThat(body).contains("\"event\":\"case.opened\"").contains(id.toString());
            assertThat(body).as("no personal data leaves").doesNotContain("Jan Jansen");
        });
        Webhooks.Delivery logged = webhooks.log(50).stream().filter(d -> d.webhookId().equals(subscription.id())).findFirst()
                .orElseThrow();
        assertThat(logged.status()).isEqualTo("DELIVERED");
        assertThat(logged.attempts()).isEqualTo(2);
        assertThat(logged.lastStatusCode()).isEqualTo(204);
    }

    @Test
    void aDeliveryIsGivenUpAfterTheLastAttemptWithDoublingWaits() {
        var subscription = webhooks.subscribe("http://127.0.0.1:1/nobody-listens", SECRET, Set.of("case.opened"));
        work.open(new CaseWork.Opening(CaseSource.complaint(UUID.randomUUID().toString()), CaseType.COMPLAINT, null, null,
                Channel.PHONE, null, null, "niemand"), "test", Instant.now());
        // Rounded up, not down: truncated, "now" could fall a fraction of a millisecond before the moment the
        // delivery was queued (stored with microseconds), and the delivery would not be due yet.
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).plusMillis(1);
        dispatcher.deliverDue(now);
        Instant second = next(subscription.id());
        assertThat(Duration.between(now, second)).isEqualTo(Duration.ofSeconds(10));
        dispatcher.deliverDue(second);
        Instant third = next(subscription.id());
        assertThat(Duration.between(second, third)).isEqualTo(Duration.ofSeconds(20));
        dispatcher.deliverDue(third);
        Webhooks.Delivery given = webhooks.log(50).stream().filter(d -> d.webhookId().equals(subscription.id())).findFirst()
                .orElseThrow();
        assertThat(given.status()).isEqualTo("FAILED");
        assertThat(given.attempts()).isEqualTo(3);
        assertThat(given.nextAttemptAt()).isNull();
    }

    @Test
    void theSecretIsNotStoredInPlainTextAndBadInputNamesTheField() {
        webhooks.subscribe("https://desk.example.org/hook", "another long secret", Set.of("action.completed"));
        assertThat(jdbc.sql("select secret_encrypted from loop_webhook").query(String.class).list())
                .noneMatch(s -> s.contains("another long secret"));
        assertThatThrownBy(() -> webhooks.subscribe("ftp://x", "short", Set.of("case.nothing")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("url").hasMessageContaining("secret").hasMessageContaining("events");
    }

    @Test
    void aForgedOrChangedBodyFailsVerification() {
        String header = WebhookSignature.header(SECRET, 1_700_000_000L, "{\"a\":1}");
        assertThat(WebhookSignature.verify(SECRET, header, "{\"a\":1}")).isTrue();
        assertThat(WebhookSignature.verify(SECRET, header, "{\"a\":2}")).isFalse();
        assertThat(WebhookSignature.verify("another secret", header, "{\"a\":1}")).isFalse();
    }

    @Test
    void twoNodesDispatchingAtOnceDeliverEveryEventExactlyOnce() throws Exception {
        java.util.Map<String, AtomicInteger> receivedPerDelivery = new java.util.concurrent.ConcurrentHashMap<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        var receiverThreads = java.util.concurrent.Executors.newFixedThreadPool(4);
        receiver.setExecutor(receiverThreads);
        receiver.createContext("/once", exchange -> {
            exchange.getRequestBody().readAllBytes();
            receivedPerDelivery.computeIfAbsent(exchange.getRequestHeaders().getFirst("X-Buitenin-Delivery"), k -> new AtomicInteger())
                    .incrementAndGet();
            try {
                Thread.sleep(15); // a receiver that takes a moment widens the window in which both nodes see the same rows
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            var subscription = webhooks.subscribe("http://127.0.0.1:" + receiver.getAddress().getPort() + "/once", SECRET,
                    Set.of("case.opened"));
            int events = 30;
            for (int i = 0; i < events; i++) {
                work.open(new CaseWork.Opening(CaseSource.complaint(UUID.randomUUID().toString()), CaseType.COMPLAINT, null, null,
                        Channel.PHONE, null, null, "gelijktijdig " + i), "test", Instant.now());
            }
            Instant now = Instant.now().plusSeconds(1);
            var start = new java.util.concurrent.CountDownLatch(1);
            var nodes = java.util.concurrent.Executors.newFixedThreadPool(2);
            var first = nodes.submit(() -> {
                start.await();
                return dispatcher.deliverDue(now);
            });
            var second = nodes.submit(() -> {
                start.await();
                return dispatcher.deliverDue(now);
            });
            start.countDown();
            int deliveredByBoth = first.get() + second.get();
            nodes.shutdown();

            List<Webhooks.Delivery> mine = webhooks.log(10_000).stream().filter(d -> d.webhookId().equals(subscription.id())).toList();
            assertThat(mine).hasSize(events).allSatisfy(d -> {
                assertThat(d.status()).isEqualTo("DELIVERED");
                assertThat(d.attempts()).isEqualTo(1);
            });
            assertThat(receivedPerDelivery).hasSize(events);
            assertThat(receivedPerDelivery.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
            assertThat(receivedPerDelivery.keySet()).isEqualTo(mine.stream().map(d -> d.id().toString()).collect(java.util.stream.Collectors.toSet()));
            assertThat(deliveredByBoth).isGreaterThanOrEqualTo(events);
            assertThat(jdbc.sql("select count(*) from loop_webhook_delivery where claimed_by is not null and status <> 'PENDING'")
                    .query(Long.class).single()).as("claims are released once a delivery is done").isZero();
        } finally {
            receiver.stop(0);
            receiverThreads.shutdownNow();
        }
    }

    private Instant next(UUID webhook) {
        return webhooks.log(50).stream().filter(d -> d.webhookId().equals(webhook)).findFirst().orElseThrow().nextAttemptAt();
    }
}
