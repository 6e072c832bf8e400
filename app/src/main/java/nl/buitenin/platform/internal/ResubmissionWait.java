package nl.buitenin.platform.internal;

import java.time.Duration;
import java.time.Instant;

import org.springframework.modulith.events.EventPublication;

/**
 * When a publication that no node finished is handed over again ({@link EventResubmission}): once it is older than
 * {@code after}, and after a failed resubmission once twice the wait of that try has passed, at most
 * {@link #LONGEST_WAIT} apart, so that a listener that keeps failing (a broker that is down for a day) is tried less
 * often but never given up.
 */
record ResubmissionWait(Duration after) {

    /** A publication that keeps failing is tried at least this often. */
    static final Duration LONGEST_WAIT = Duration.ofHours(6);

    /**
     * Due once its last delivery (the publication itself, or the last resubmission) is longer ago than the wait for its
     * number of deliveries: the base wait after the first, doubled after each failed resubmission.
     */
    boolean due(EventPublication publication, Instant now) {
        if (publication.isCompleted() || publication.getStatus() == EventPublication.Status.RESUBMITTED
                || !publication.getPublicationDate().isBefore(now.minus(after))) {
            return false;
        }
        Instant last = publication.getLastResubmissionDate();
        return last == null || last.isBefore(now.minus(waitAfter(publication.getCompletionAttempts())));
    }

    /**
     * The wait after the given number of deliveries (Modulith counts the first as one): the base wait, doubled per
     * resubmission, at most {@link #LONGEST_WAIT}.
     */
    Duration waitAfter(int deliveries) {
        Duration wait = after;
        for (int i = 1; i < deliveries && wait.compareTo(LONGEST_WAIT) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }
}
