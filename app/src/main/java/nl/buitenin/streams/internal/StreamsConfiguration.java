package nl.buitenin.streams.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.modulith.events.support.EventExternalizerModuleListener;
import org.springframework.util.StringUtils;

import tools.jackson.databind.json.JsonMapper;

import nl.buitenin.journey.Touchpoints;
import nl.buitenin.platform.BatchIntake;
import nl.buitenin.streams.StreamedActionCompleted;
import nl.buitenin.streams.StreamedCaseOpened;
import nl.buitenin.streams.StreamedResponsesCompleted;

/**
 * Kafka, only when brokers are configured ({@link KafkaConfigured}); otherwise not one Kafka class is loaded. The beans are
 * made here rather than by Spring Boot's Kafka auto-configuration, which is not on the class path: with Kafka off nothing
 * of it starts.
 * <p>
 * Out: Spring Modulith's event externalisation (an {@link EventExternalizerModuleListener} with a Kafka transport, the
 * transport that Modulith's own Kafka module would register) sends the stream's records, routed and keyed here.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(KafkaConfigured.class)
@EnableConfigurationProperties(KafkaSettings.class)
class StreamsConfiguration {

    /** How long a stopping node waits for its producers' records still unacknowledged (Spring's default is 30 s). */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    /** The key of records about the whole organisation (one instance serves one organisation). */
    static final String ORGANISATION_KEY = "organisation";

    private static Map<String, Object> common(KafkaSettings settings, Environment environment) {
        Map<String, Object> config = new HashMap<>();
        String servers = StringUtils.hasText(settings.bootstrapServers()) ? settings.bootstrapServers()
                : environment.getProperty(KafkaConfigured.SPRING_BOOTSTRAP);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        config.putAll(settings.properties());
        return config;
    }

    private static Map<String, Object> producer(KafkaSettings settings, Environment environment) {
        Map<String, Object> config = common(settings, environment);
        config.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
        config.putIfAbsent(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return config;
    }

    @Bean
    ConsumerFactory<String, byte[]> buiteninKafkaConsumers(KafkaSettings settings, Environment environment) {
        Map<String, Object> config = common(settings, environment);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords());
        return new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * The producers are beans so that the context closes them when it stops: made inside a template's bean method they
     * were never closed, and a stopped context's producers went on reconnecting to their broker until the JVM ended.
     * A stopping node waits at most {@link #CLOSE_WAIT} for records not yet acknowledged; none is lost by a shorter
     * wait: a dead letter is awaited before its offsets are committed, and an event not yet acknowledged by Kafka keeps
     * its publication open, to be published again.
     */
    private static <V> DefaultKafkaProducerFactory<String, V> producers(KafkaSettings settings, Environment environment,
            Serializer<V> values) {
        DefaultKafkaProducerFactory<String, V> producers = new DefaultKafkaProducerFactory<>(producer(settings, environment),
                new StringSerializer(), values);
        producers.setPhysicalCloseTimeout((int) CLOSE_WAIT.toSeconds());
        return producers;
    }

    @Bean
    DefaultKafkaProducerFactory<String, byte[]> buiteninDeadLetterProducers(KafkaSettings settings, Environment environment) {
        return producers(settings, environment, new ByteArraySerializer());
    }

    /** Dead letters: key, value and headers of the bad record as they came, plus the reason. */
    @Bean
    KafkaTemplate<String, byte[]> buiteninDeadLetters(DefaultKafkaProducerFactory<String, byte[]> buiteninDeadLetterProducers) {
        return new KafkaTemplate<>(buiteninDeadLetterProducers);
    }

    @Bean
    @ConditionalOnProperty(name = "buitenin.kafka.consume", havingValue = "true", matchIfMissing = true)
    TopicIntakes buiteninTopicIntakes(List<BatchIntake<?>> intakes, ConsumerFactory<String, byte[]> buiteninKafkaConsumers,
            KafkaTemplate<String, byte[]> buiteninDeadLetters, JsonMapper json, KafkaSettings settings) {
        return new TopicIntakes(intakes, buiteninKafkaConsumers, buiteninDeadLetters, json, settings);
    }

    /** The stream's records as JSON, written by the application's own mapper (dates as ISO-8601 texts). */
    @Bean
    @ConditionalOnProperty(name = "buitenin.kafka.publish", havingValue = "true", matchIfMissing = true)
    DefaultKafkaProducerFactory<String, Object> buiteninEventProducers(KafkaSettings settings, Environment environment, JsonMapper json) {
        Serializer<Object> values = (topic, value) -> value == null ? null : json.writeValueAsBytes(value);
        return producers(settings, environment, values);
    }

    @Bean
    @ConditionalOnProperty(name = "buitenin.kafka.publish", havingValue = "true", matchIfMissing = true)
    KafkaTemplate<String, Object> buiteninEventTemplate(DefaultKafkaProducerFactory<String, Object> buiteninEventProducers) {
        return new KafkaTemplate<>(buiteninEventProducers);
    }

    @Bean
    @ConditionalOnProperty(name = "buitenin.kafka.publish", havingValue = "true", matchIfMissing = true)
    EventsToStream buiteninEventsToStream(ApplicationEventPublisher events, Touchpoints touchpoints) {
        return new EventsToStream(events, touchpoints);
    }

    /** Only the stream's own records leave, each on its topic, keyed by its journey or the organisation. */
    @Bean
    @ConditionalOnProperty(name = "buitenin.kafka.publish", havingValue = "true", matchIfMissing = true)
    EventExternalizationConfiguration buiteninExternalization(KafkaSettings settings) {
        String cases = settings.topic("cases-opened");
        String actions = settings.topic("actions-completed");
        String responses = settings.topic("responses-completed");
        return EventExternalizationConfiguration.externalizing()
                .selectByType(type -> type == StreamedCaseOpened.class || type == StreamedActionCompleted.class
                        || type == StreamedResponsesCompleted.class)
                .route(StreamedCaseOpened.class, e -> RoutingTarget.forTarget(cases).andKey(key(e.journey())))
                .route(StreamedActionCompleted.class, e -> RoutingTarget.forTarget(actions).andKey(ORGANISATION_KEY))
                .route(StreamedResponsesCompleted.class, e -> RoutingTarget.forTarget(responses).andKey(key(e.journey())))
                .build();
    }

    @Bean
    @ConditionalOnProperty(name = "buitenin.kafka.publish", havingValue = "true", matchIfMissing = true)
    EventExternalizerModuleListener buiteninKafkaExternalizer(EventExternalizationConfiguration buiteninExternalization,
            KafkaTemplate<String, Object> buiteninEventTemplate) {
        return new EventExternalizerModuleListener(buiteninExternalization,
                (event, target) -> buiteninEventTemplate.send(target.getTarget(), target.getKey(), event));
    }

    private static String key(java.util.@org.jspecify.annotations.Nullable UUID journey) {
        return journey == null ? ORGANISATION_KEY : journey.toString();
    }
}
