package nl.buitenin.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.EventsHandled;

/**
 * The scheduled resubmission (platform.internal.EventResubmission) hands every event that no node finished to its
 * listener again, without a restart: one whose listener failed, one that a killed node had taken (left as
 * {@code PROCESSING}), and one whose resubmitting node died in turn (left as {@code RESUBMITTED}). Each is handled
 * exactly once and leaves no publication behind. The wait is two seconds here instead of ten minutes.
 */
@DatabaseTest
@TestPropertySource(properties = { "buitenin.events.resubmit-after=PT2S", "buitenin.events.resubmit-check=PT1S" })
class EventResubmissionTest {

    record Parcel(String text) {
    }

    /** Deliveries per text; a text starting with "fail-once" fails its first delivery. */
    static final Map<String, AtomicInteger> DELIVERIES = new ConcurrentHashMap<>();
    static final Map<String, AtomicInteger> HANDLED = new ConcurrentHashMap<>();

    @TestConfiguration
    static class Listeners {
        @Bean
        Object parcelListener() {
            return new Object() {
                @ApplicationModuleListener
                void on(Parcel parcel) {
                    int delivery = DELIVERIES.computeIfAbsent(parcel.text(), t -> new AtomicInteger()).incrementAndGet();
                    if (parcel.text().startsWith("fail-once") && delivery == 1) {
                        throw new IllegalStateException("first delivery fails on purpose");
                    }
                    HANDLED.computeIfAbsent(parcel.text(), t -> new AtomicInteger()).incrementAndGet();
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

    @Test
    void eventsThatNoNodeFinishedAreHandledOnceWithoutARestart() throws Exception {
        String failed = "fail-once-" + UUID.randomUUID();
        EventsHandled first = EventsHandled.since(registry);
        transactions.executeWithoutResult(status -> events.publishEvent(new Parcel(failed)));
        first.await();
        UUID failedRow = jdbc.sql("select id from event_publication where serialized_event like :text")
                .param("text", "%" + failed + "%").query(UUID.class).single();

        // Rows as a node leaves them that was killed while handling (PROCESSING) or while handling a resubmission
        // (RESUBMITTED, resubmitted a minute ago): the same listener and event shape, another text.
        String killedWhileHandling = "killed-" + UUID.randomUUID();
        String killedWhileResubmitting = "killed-again-" + UUID.randomUUID();
        OffsetDateTime aMinuteAgo = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1);
        copy(failedRow, failed, killedWhileHandling, "PROCESSING", 1, aMinuteAgo.minusSeconds(5), aMinuteAgo.minusSeconds(5));
        copy(failedRow, failed, killedWhileResubmitting, "RESUBMITTED", 2, aMinuteAgo.minusMinutes(5), aMinuteAgo);

        await().atMost(Duration.ofSeconds(60)).until(() -> handled(failed) == 1 && handled(killedWhileHandling) == 1
                && handled(killedWhileResubmitting) == 1 && left(failed, killedWhileHandling, killedWhileResubmitting) == 0);

        assertThat(DELIVERIES.get(failed)).hasValue(2);
        assertThat(DELIVERIES.get(killedWhileHandling)).hasValue(1);
        assertThat(DELIVERIES.get(killedWhileResubmitting)).hasValue(1);
        // Nothing is left to hand over again: a completed publication is deleted (completion-mode delete).
        assertThat(left(failed, killedWhileHandling, killedWhileResubmitting)).isZero();
    }

    @Test
    void anEventStillYoungerThanTheWaitIsLeftToTheNodeThatHandlesIt() throws Exception {
        String young = "young-" + UUID.randomUUID();
        String failedCopyOf = "fail-once-" + UUID.randomUUID();
        EventsHandled first = EventsHandled.since(registry);
        transactions.executeWithoutResult(status -> events.publishEvent(new Parcel(failedCopyOf)));
        first.await();
        UUID row = jdbc.sql("select id from event_publication where serialized_event like :text")
                .param("text", "%" + failedCopyOf + "%").query(UUID.class).single();
        // Published just now and being handled on a live node: an hour in the future, so it stays young for this test.
        OffsetDateTime later = OffsetDateTime.now(ZoneOffset.UTC).plusHours(1);
        copy(row, failedCopyOf, young, "PROCESSING", 1, later, later);

        await().atMost(Duration.ofSeconds(60)).until(() -> handled(failedCopyOf) == 1);
        // The job ran at least once after the failed one was older than the wait; the young one is still untouched.
        assertThat(DELIVERIES.get(young)).isNull();
        assertThat(jdbc.sql("select status from event_publication where serialized_event like :text")
                .param("text", "%" + young + "%").query(String.class).single()).isEqualTo("PROCESSING");
        jdbc.sql("delete from event_publication where serialized_event like :text").param("text", "%" + young + "%").update();
    }

    private void copy(UUID from, String oldText, String newText, String status, int attempts, OffsetDateTime published,
            OffsetDateTime lastDelivery) {
        jdbc.sql("""
                insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, status,
                    completion_attempts, last_resubmission_date)
                select :id, listener_id, event_type, replace(serialized_event, :old, :new), :published, :status, :attempts, :last
                from event_publication where id = :from""")
                .param("id", UUID.randomUUID()).param("old", oldText).param("new", newText).param("published", published)
                .param("status", status).param("attempts", attempts).param("last", lastDelivery).param("from", from).update();
    }

    private static int handled(String text) {
        AtomicInteger count = HANDLED.get(text);
        return count == null ? 0 : count.get();
    }

    private long left(String... texts) {
        long n = 0;
        for (String text : texts) {
            n += jdbc.sql("select count(*) from event_publication where serialized_event like :text")
                    .param("text", "%" + text + "%").query(Long.class).single();
        }
        return n;
    }
}
