package nl.buitenin.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.modulith.events.support.EventExternalizerModuleListener;

import nl.buitenin.platform.BatchIntake;
import nl.buitenin.streams.internal.TopicIntakes;
import nl.buitenin.testing.DatabaseTest;

/** Without brokers configured (every other test, and a default installation) no Kafka bean exists; the intakes do. */
@DatabaseTest
class KafkaOffByDefaultTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    List<BatchIntake<?>> intakes;

    @Test
    void noKafkaBeanStartsUnlessBrokersAreConfigured() {
        assertThat(context.getEnvironment().getProperty("buitenin.kafka.bootstrap-servers")).isNullOrEmpty();
        assertThat(context.getBeanNamesForType(TopicIntakes.class)).isEmpty();
        assertThat(context.getBeanNamesForType(KafkaTemplate.class)).isEmpty();
        assertThat(context.getBeanNamesForType(ConsumerFactory.class)).isEmpty();
        assertThat(context.getBeanNamesForType(EventExternalizerModuleListener.class)).isEmpty();
        assertThat(context.containsBean("buiteninEventsToStream")).isFalse();
        assertThat(intakes).extracting(BatchIntake::name).contains("interactions", "answers");
    }
}
