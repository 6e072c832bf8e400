package nl.buitenin.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.events.EventPublication;

/** When a publication that no node finished is due again: worked out by hand for a wait of 10 minutes. */
class ResubmissionWaitTest {

    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");
    private final ResubmissionWait job = new ResubmissionWait(Duration.ofMinutes(10));

    @Test
    void theWaitDoublesPerResubmissionUpToSixHours() {
        assertThat(job.waitAfter(1)).isEqualTo(Duration.ofMinutes(10));
        assertThat(job.waitAfter(2)).isEqualTo(Duration.ofMinutes(20));
        assertThat(job.waitAfter(3)).isEqualTo(Duration.ofMinutes(40));
        assertThat(job.waitAfter(6)).isEqualTo(Duration.ofMinutes(320));
        assertThat(job.waitAfter(7)).isEqualTo(Duration.ofHours(6)); // 640 minutes, capped
        assertThat(job.waitAfter(1000)).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void dueOnceTheLastDeliveryIsLongerAgoThanItsWait() {
        // First delivery 11 minutes ago, never resubmitted: due. 9 minutes ago: not yet.
        assertThat(job.due(publication(EventPublication.Status.PROCESSING, 11, 1, 11), NOW)).isTrue();
        assertThat(job.due(publication(EventPublication.Status.PUBLISHED, 9, 1, 9), NOW)).isFalse();
        // Failed again after one resubmission 15 minutes ago: waits 20 minutes, so not yet; 21 minutes ago: due.
        assertThat(job.due(publication(EventPublication.Status.FAILED, 60, 2, 15), NOW)).isFalse();
        assertThat(job.due(publication(EventPublication.Status.FAILED, 60, 2, 21), NOW)).isTrue();
        // Being resubmitted right now somewhere, or done: never.
        assertThat(job.due(publication(EventPublication.Status.RESUBMITTED, 60, 2, 59), NOW)).isFalse();
        assertThat(job.due(publication(EventPublication.Status.COMPLETED, 60, 1, 60), NOW)).isFalse();
    }

    private static EventPublication publication(EventPublication.Status status, int publishedMinutesAgo, int deliveries,
            int lastDeliveryMinutesAgo) {
        Instant published = NOW.minus(Duration.ofMinutes(publishedMinutesAgo));
        Instant last = NOW.minus(Duration.ofMinutes(lastDeliveryMinutesAgo));
        return new EventPublication() {
            @Override
            public UUID getIdentifier() {
                return UUID.randomUUID();
            }

            @Override
            public Object getEvent() {
                return "event";
            }

            @Override
            public Instant getPublicationDate() {
                return published;
            }

            @Override
            public Optional<Instant> getCompletionDate() {
                return status == Status.COMPLETED ? Optional.of(last) : Optional.empty();
            }

            @Override
            public Status getStatus() {
                return status;
            }

            @Override
            public @Nullable Instant getLastResubmissionDate() {
                return last;
            }

            @Override
            public int getCompletionAttempts() {
                return deliveries;
            }
        };
    }
}
