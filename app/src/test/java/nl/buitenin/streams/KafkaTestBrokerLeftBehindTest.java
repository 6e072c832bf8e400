package nl.buitenin.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import nl.buitenin.testing.ForgetsTestBroker;

/**
 * Why externalisation publications to Kafka stayed open in other test classes: the embedded broker of a Kafka test
 * leaves its address in the JVM's system properties when it stops, so every Spring context started afterwards in the
 * same JVM found Kafka "configured" (a system property is configuration) and published to a broker that was gone.
 * Each case runs a small test class with an embedded broker, as KafkaStreamsTest declares it, through the JUnit
 * launcher, and then looks at what a new context would read.
 */
class KafkaTestBrokerLeftBehindTest {

    @Configuration(proxyBeanMethods = false)
    static class Nothing {
    }

    /** The embedded broker as KafkaStreamsTest declared it before: nothing puts the properties back. */
    @SpringJUnitConfig(Nothing.class)
    @EmbeddedKafka(partitions = 1, bootstrapServersProperty = "buitenin.kafka.bootstrap-servers")
    @DirtiesContext
    static class BrokerAlone {
        @Autowired
        EmbeddedKafkaBroker broker;

        @Test
        void runs() {
            assertThat(broker.getBrokersAsString()).isNotEmpty();
        }
    }

    /** As KafkaStreamsTest declares it now. */
    @SpringJUnitConfig(Nothing.class)
    @EmbeddedKafka(partitions = 1, bootstrapServersProperty = "buitenin.kafka.bootstrap-servers")
    @ExtendWith(ForgetsTestBroker.class)
    @DirtiesContext
    static class BrokerForgotten {
        @Autowired
        EmbeddedKafkaBroker broker;

        @Test
        void runs() {
            assertThat(broker.getBrokersAsString()).isNotEmpty();
        }
    }

    private final Map<String, String> saved = new HashMap<>();

    @BeforeEach
    void save() {
        ForgetsTestBroker.BROKER_PROPERTIES.forEach(name -> {
            if (System.getProperty(name) != null) {
                saved.put(name, System.getProperty(name));
            }
            System.clearProperty(name);
        });
    }

    @AfterEach
    void restore() {
        ForgetsTestBroker.BROKER_PROPERTIES.forEach(name -> {
            if (saved.containsKey(name)) {
                System.setProperty(name, saved.get(name));
            } else {
                System.clearProperty(name);
            }
        });
    }

    @Test
    void aStoppedEmbeddedBrokerLeavesItsAddressForEveryLaterContext() {
        run(BrokerAlone.class);

        // What the next test class's context reads: Kafka looks configured, with a broker that no longer runs.
        assertThat(new StandardEnvironment().getProperty("buitenin.kafka.bootstrap-servers")).isNotBlank();
    }

    @Test
    void theKafkaTestPutsThePropertiesBackAsTheyWere() {
        run(BrokerForgotten.class);

        StandardEnvironment next = new StandardEnvironment();
        ForgetsTestBroker.BROKER_PROPERTIES.forEach(name -> assertThat(next.getProperty(name)).as(name).isNull());
    }

    @Test
    void kafkaStreamsTestDeclaresTheCleanUp() {
        ExtendWith extensions = KafkaStreamsTest.class.getAnnotation(ExtendWith.class);
        assertThat(extensions).isNotNull();
        assertThat(extensions.value()).contains(ForgetsTestBroker.class);
    }

    private static void run(Class<?> testClass) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request, listener);
        TestExecutionSummary summary = listener.getSummary();
        assertThat(summary.getTestsSucceededCount()).as("%s: %s", testClass.getSimpleName(), summary.getFailures().stream()
                .map(f -> f.getException().toString()).toList()).isEqualTo(1);
    }
}
