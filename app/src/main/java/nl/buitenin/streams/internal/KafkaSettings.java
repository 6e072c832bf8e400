package nl.buitenin.streams.internal;

import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code buitenin.kafka.*}: where the brokers are and which topics to use (docs/kafka.md).
 *
 * @param bootstrapServers brokers, {@code host:port,...}; empty is off (Spring's {@code spring.kafka.bootstrap-servers} also counts)
 * @param groupId          the consumer group every node shares, so each record is taken by one node
 * @param maxPollRecords   records read and stored per transaction at most
 * @param consume          read the interactions and answers topics
 * @param publish          publish cases opened, actions completed and responses completed
 * @param deadLetterSuffix appended to an input topic's name for its dead-letter topic
 * @param topics           a topic per name ({@code interactions}, {@code answers}, {@code cases-opened},
 *                         {@code actions-completed}, {@code responses-completed}); default {@code buitenin.} plus the name
 *                         with dots for dashes
 * @param properties       further Kafka client settings for producers and consumers alike (TLS, SASL)
 */
@ConfigurationProperties("buitenin.kafka")
record KafkaSettings(@Nullable String bootstrapServers, @DefaultValue("buitenin") String groupId,
        @DefaultValue("500") int maxPollRecords, @DefaultValue("true") boolean consume, @DefaultValue("true") boolean publish,
        @DefaultValue(".dlt") String deadLetterSuffix, Map<String, String> topics, Map<String, String> properties) {

    KafkaSettings {
        topics = topics == null ? Map.of() : Map.copyOf(topics);
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    String topic(String name) {
        String topic = topics.get(name);
        return topic == null || topic.isBlank() ? "buitenin." + name.replace('-', '.').toLowerCase(Locale.ROOT) : topic.strip();
    }

    String deadLetterTopic(String topic) {
        return topic + deadLetterSuffix;
    }
}
