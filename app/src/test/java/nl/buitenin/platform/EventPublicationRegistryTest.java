package nl.buitenin.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.transaction.support.TransactionTemplate;

import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.EventsHandled;

/**
 * Events between modules are kept in the database until their listener has handled them, on H2 and
 * on PostgreSQL: a listener that fails leaves the publication incomplete, and it is delivered again
 * when resubmitted.
 */
@DatabaseTest
class EventPublicationRegistryTest {

    record Probe(String text) {
    }

    static final AtomicInteger ATTEMPTS = new AtomicInteger();
    static final AtomicInteger HANDLED = new AtomicInteger();

    @TestConfiguration
    static class FailingOnceListener {
        @Bean
        Object probeListener() {
            return new Object() {
                @ApplicationModuleListener
                void on(Probe probe) {
                    if (ATTEMPTS.incrementAndGet() == 1) {
                        throw new IllegalStateException("first delivery fails on purpose");
                    }
                    HANDLED.incrementAndGet();
                }
            };
        }
    }

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    EventPublicationRegistry registry;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IncompleteEventPublications incomplete;
    @Autowired
    EventSerializer serializer;

    @Test
    void aFailedListenerKeepsItsEventUntilItIsHandled() throws Exception {
        EventsHandled failed = EventsHandled.since(registry);
        transactions.executeWithoutResult(status -> events.publishEvent(new Probe("hello")));
        failed.await();
        assertThat(ATTEMPTS.get()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("select count(*) from event_publication where completion_date is null").query(Long.class).single())
                .isEqualTo(1);

        incomplete.resubmitIncompletePublicationsOlderThan(Duration.ZERO);
        waitFor(() -> HANDLED.get() == 1);
        waitFor(() -> jdbc.sql("select count(*) from event_publication where completion_date is null").query(Long.class).single() == 0);
    }

    /** The log's own serializer, wrapped so that an event's listeners share one serialization (EventsSerializedOnce). */
    @Test
    void theEventLogSerializesAnEventOnceForAllItsListenersAndReadsItBack() {
        Probe probe = new Probe("één keer");
        transactions.executeWithoutResult(status -> {
            Object text = serializer.serialize(probe);
            assertThat(serializer.serialize(probe)).isSameAs(text);
            assertThat(serializer.deserialize(text, Probe.class)).isEqualTo(probe);
        });
    }

    @Test
    void onPostgresqlEventsAreStoredWithoutCompressionForTheMomentTheyAreKept() {
        org.junit.jupiter.api.Assumptions.assumeTrue(nl.buitenin.testing.TestDatabases.current() == nl.buitenin.testing.TestDatabases.Kind.POSTGRES);
        String storage = jdbc.sql("""
                select a.attstorage from pg_attribute a join pg_class c on c.oid = a.attrelid
                where c.relname = 'event_publication' and a.attname = 'serialized_event'""").query(String.class).single();

        assertThat(storage).isEqualTo("e");
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 100 && !condition.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }
}
