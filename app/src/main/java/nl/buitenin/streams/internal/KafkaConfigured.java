package nl.buitenin.streams.internal;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Kafka is on when {@code buitenin.kafka.bootstrap-servers} (environment {@code BUITENIN_KAFKA_BOOTSTRAP_SERVERS}) or
 * Spring's {@code spring.kafka.bootstrap-servers} names at least one broker. An empty value is off, so a deployment can
 * pass the variable through unset.
 */
final class KafkaConfigured implements Condition {

    static final String BOOTSTRAP = "buitenin.kafka.bootstrap-servers";
    static final String SPRING_BOOTSTRAP = "spring.kafka.bootstrap-servers";

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return StringUtils.hasText(context.getEnvironment().getProperty(BOOTSTRAP))
                || StringUtils.hasText(context.getEnvironment().getProperty(SPRING_BOOTSTRAP));
    }
}
