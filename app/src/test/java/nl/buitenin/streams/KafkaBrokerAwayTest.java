package nl.buitenin.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.ForgetsTestBroker;

/**
 * A node with Kafka configured whose broker is down keeps the events it has to send and sends them once the broker is
 * back, without a restart: the send fails, the publication stays (failed), and the scheduled resubmission hands it to
 * the externaliser again. The application is configured with a loopback address where nothing listens (a broker that
 * is down); after the first send failed, a real KRaft broker starts and that address forwards to it (the embedded
 * broker cannot be told its port in advance). Declared before {@code @DatabaseTest}, {@link StopBroker} runs after
 * Spring closed the context, so the application's Kafka clients close while the broker still runs.
 */
@ExtendWith(KafkaBrokerAwayTest.StopBroker.class)
@DatabaseTest
@DirtiesContext
class KafkaBrokerAwayTest {

    private static final String TOPIC = "buitenin.actions.completed";
    private static final int PORT = freePort();
    private static @Nullable EmbeddedKafkaKraftBroker broker;
    private static @Nullable ServerSocket forwarder;
    private static final Map<String, String> PROPERTIES_BEFORE = new HashMap<>();

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry properties) {
        properties.add("buitenin.kafka.bootstrap-servers", () -> "127.0.0.1:" + PORT);
        properties.add("buitenin.kafka.consume", () -> "false");
        // A send waits this long for the broker before it fails (Kafka's default is a minute).
        properties.add("buitenin.kafka.properties.max.block.ms", () -> "1000");
        // Above the send's wait, so that a send still waiting is not handed over a second time.
        properties.add("buitenin.events.resubmit-after", () -> "PT4S");
        properties.add("buitenin.events.resubmit-check", () -> "PT1S");
    }

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anEventForABrokerThatIsDownIsSentOnceItIsBack() throws Exception {
        UUID action = UUID.randomUUID();
        transactions.executeWithoutResult(status -> events.publishEvent(
                new StreamedActionCompleted(action, List.of(), Instant.parse("2026-12-05T08:00:00Z"))));

        // No broker: the send fails, and the publication is kept, not lost.
        await().atMost(Duration.ofSeconds(60)).until(() -> "FAILED".equals(status(action)));

        ForgetsTestBroker.BROKER_PROPERTIES.forEach(name -> {
            if (System.getProperty(name) != null) {
                PROPERTIES_BEFORE.put(name, System.getProperty(name));
            }
        });
        broker = new EmbeddedKafkaKraftBroker(1, 1, TOPIC).kafkaPorts(PORT);
        broker.afterPropertiesSet();
        forwarder = forward(PORT, Integer.parseInt(broker.getBrokersAsString().substring(broker.getBrokersAsString().lastIndexOf(':') + 1)));

        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "away-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (values.stream().noneMatch(v -> v.contains(action.toString())) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
        }
        assertThat(values).filteredOn(v -> v.contains(action.toString())).hasSize(1);
        // Sent, so the publication is done and gone.
        await().atMost(Duration.ofSeconds(30)).until(() -> status(action) == null);
    }

    private @Nullable String status(UUID action) {
        return jdbc.sql("select status from event_publication where serialized_event like :id and listener_id like '%Externalizer%'")
                .param("id", "%" + action + "%").query(String.class).optional().orElse(null);
    }

    /**
     * Also checks that the context, once closed, leaves no Kafka producer of its own running: the application's producers
     * went on reconnecting to their broker after their context had closed, until the JVM ended.
     */
    static final class StopBroker implements BeforeAllCallback, AfterAllCallback {

        private static final Set<Thread> PRODUCERS_BEFORE = new HashSet<>();

        @Override
        public void beforeAll(ExtensionContext context) {
            PRODUCERS_BEFORE.addAll(producerThreads());
        }

        @Override
        public void afterAll(ExtensionContext context) throws Exception {
            // Closing a producer ends its network thread within its close timeout; wait a little longer than that.
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            List<Thread> left = producerThreads();
            while (!left.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(100);
                left = producerThreads();
            }
            List<String> names = left.stream().map(Thread::getName).toList();
            if (forwarder != null) {
                forwarder.close();
            }
            if (broker != null) {
                broker.destroy();
            }
            ForgetsTestBroker.BROKER_PROPERTIES.forEach(name -> {
                if (PROPERTIES_BEFORE.containsKey(name)) {
                    System.setProperty(name, PROPERTIES_BEFORE.get(name));
                } else {
                    System.clearProperty(name);
                }
            });
            assertThat(names).as("Kafka producers of the closed context still running").isEmpty();
        }

        private static List<Thread> producerThreads() {
            return Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.isAlive() && t.getName().startsWith("kafka-producer-network-thread") && !PRODUCERS_BEFORE.contains(t))
                    .toList();
        }
    }

    /** Accepts on the given loopback port and copies bytes both ways to the target port, a thread per direction. */
    private static ServerSocket forward(int port, int target) throws java.io.IOException {
        ServerSocket server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                    pipe(client, upstream);
                    pipe(upstream, client);
                } catch (java.io.IOException e) {
                    // closed at the end of the test
                }
            }
        }, "kafka-forwarder");
        acceptor.setDaemon(true);
        acceptor.start();
        return server;
    }

    private static void pipe(Socket from, Socket to) {
        Thread copier = new Thread(() -> {
            try (from; to) {
                from.getInputStream().transferTo(to.getOutputStream());
            } catch (java.io.IOException e) {
                // one side closed
            }
        }, "kafka-forwarder-copy");
        copier.setDaemon(true);
        copier.start();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
