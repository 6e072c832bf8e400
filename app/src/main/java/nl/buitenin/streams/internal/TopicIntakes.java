package nl.buitenin.streams.internal;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.util.backoff.ExponentialBackOff;

import tools.jackson.databind.json.JsonMapper;

import nl.buitenin.platform.BatchIntake;

/**
 * One listener container per {@link BatchIntake} a module contributes (interactions, answers), each on its own topic in the
 * shared consumer group. Offsets are committed per poll after the listener returned ({@link AckMode#BATCH}). When the
 * listener throws (the database is away, a dead letter was not acknowledged) the same poll is tried again with a growing
 * pause of up to a minute, for as long as it takes: the records wait in Kafka rather than being skipped.
 */
public final class TopicIntakes implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(TopicIntakes.class);

    private final List<BatchIntake<?>> intakes;
    private final ConsumerFactory<String, byte[]> consumers;
    private final KafkaTemplate<String, byte[]> deadLetters;
    private final JsonMapper json;
    private final KafkaSettings settings;
    private final List<KafkaMessageListenerContainer<String, byte[]>> containers = new ArrayList<>();

    TopicIntakes(List<BatchIntake<?>> intakes, ConsumerFactory<String, byte[]> consumers, KafkaTemplate<String, byte[]> deadLetters,
            JsonMapper json, KafkaSettings settings) {
        this.intakes = List.copyOf(intakes);
        this.consumers = consumers;
        this.deadLetters = deadLetters;
        this.json = json;
        this.settings = settings;
    }

    /** The topic each intake reads, by the intake's name. */
    public String topicOf(String intake) {
        return settings.topic(intake);
    }

    /** Where the bad records of that topic go. */
    public String deadLetterTopicOf(String intake) {
        return settings.deadLetterTopic(settings.topic(intake));
    }

    @Override
    public synchronized void start() {
        if (!containers.isEmpty()) {
            return;
        }
        for (BatchIntake<?> intake : intakes) {
            containers.add(container(intake));
        }
        containers.forEach(KafkaMessageListenerContainer::start);
    }

    private <T> KafkaMessageListenerContainer<String, byte[]> container(BatchIntake<T> intake) {
        String topic = settings.topic(intake.name());
        ContainerProperties properties = new ContainerProperties(topic);
        properties.setGroupId(settings.groupId());
        properties.setClientId("buitenin-" + intake.name());
        properties.setAckMode(AckMode.BATCH);
        properties.setMessageListener(new IntakeListener<>(intake, json, deadLetters, settings.deadLetterTopic(topic)));
        KafkaMessageListenerContainer<String, byte[]> container = new KafkaMessageListenerContainer<>(consumers, properties);
        ExponentialBackOff backOff = new ExponentialBackOff(1_000, 2.0);
        backOff.setMaxInterval(60_000);
        container.setCommonErrorHandler(new DefaultErrorHandler(backOff));
        container.setBeanName("buitenin-kafka-" + intake.name());
        LOG.info("Reading {} from Kafka topic {} (group {}); bad records to {}", intake.name(), topic, settings.groupId(),
                settings.deadLetterTopic(topic));
        return container;
    }

    /** Stops reading; offsets of a poll that was not finished are not committed, so another node or a restart reads it again. */
    @Override
    public synchronized void stop() {
        containers.forEach(KafkaMessageListenerContainer::stop);
        containers.clear();
    }

    @Override
    public synchronized boolean isRunning() {
        return !containers.isEmpty();
    }
}
