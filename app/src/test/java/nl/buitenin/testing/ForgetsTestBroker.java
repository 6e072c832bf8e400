package nl.buitenin.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For a test class with spring-kafka-test's {@code @EmbeddedKafka}: afterwards, the JVM's system properties are as they
 * were before. The embedded broker writes its address into system properties when it starts (the
 * {@code bootstrapServersProperty}, by default {@code spring.kafka.bootstrap-servers}, and
 * {@code spring.embedded.kafka.brokers}) and leaves them there when it stops. Every Spring context that a later test
 * class of the same JVM starts then reads them, finds Kafka configured, and makes consumers and an event externaliser
 * for a broker that is gone: its externalisation publications stayed open for a minute each and held other classes'
 * waits for events (KafkaTestBrokerLeftBehindTest shows it).
 */
public final class ForgetsTestBroker implements BeforeAllCallback, AfterAllCallback {

    /** Every property through which Buitenin, or Spring's Kafka support, would find a broker. */
    public static final List<String> BROKER_PROPERTIES = List.of("buitenin.kafka.bootstrap-servers",
            "spring.kafka.bootstrap-servers", "spring.embedded.kafka.brokers");

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ForgetsTestBroker.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        Map<String, String> before = new HashMap<>();
        BROKER_PROPERTIES.forEach(name -> {
            String value = System.getProperty(name);
            if (value != null) {
                before.put(name, value);
            }
        });
        context.getStore(NAMESPACE).put("before", before);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void afterAll(ExtensionContext context) {
        Map<String, String> before = context.getStore(NAMESPACE).get("before", Map.class);
        for (String name : BROKER_PROPERTIES) {
            if (before != null && before.containsKey(name)) {
                System.setProperty(name, before.get(name));
            } else {
                System.clearProperty(name);
            }
        }
    }
}
