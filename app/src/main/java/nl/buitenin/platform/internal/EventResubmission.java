package nl.buitenin.platform.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Hands the events that no node finished to their listeners again, on whichever node is alive: a publication of a node
 * that was killed while handling it, one whose listener failed (a database that was away, a Kafka broker that was
 * down), and one that an earlier resubmission left behind when its node died in turn. Without this job such events
 * waited for a node to restart ({@code republish-outstanding-events-on-restart}).
 * <p>
 * A publication counts as left behind once it is older than {@code buitenin.events.resubmit-after}: well above the time
 * any listener takes, so that a live node's handling is never taken away from it (a listener that is resubmitted while
 * it still runs would see the event twice; the listeners are idempotent for that, but it is not the normal road). Each
 * publication is taken by one node only: Modulith marks it {@code RESUBMITTED} with a conditional update that one node
 * wins. A publication that failed again is tried after twice the wait of its previous try, up to six hours apart, and
 * never given up: an event to a broker that is down for a day is sent once the broker is back.
 * <p>
 * The cluster lock keeps the scan itself to one node at a time (docs/scaling.md, <i>Every job exactly once</i>). Times
 * are compared with the system clock in UTC, the clock Modulith writes publication dates with (not the application's
 * {@link Clock} bean, which a test may fix).
 */
@Component
class EventResubmission {

    private static final Logger log = LoggerFactory.getLogger(EventResubmission.class);
    private final IncompleteEventPublications publications;
    private final JdbcClient jdbc;
    private final Duration after;
    private final ResubmissionWait wait;
    private final Clock clock = Clock.systemUTC();

    EventResubmission(IncompleteEventPublications publications, JdbcClient jdbc,
            @Value("${buitenin.events.resubmit-after:10m}") Duration after) {
        this.publications = publications;
        this.jdbc = jdbc;
        this.after = after;
        this.wait = new ResubmissionWait(after);
    }

    @Scheduled(fixedDelayString = "${buitenin.events.resubmit-check:1m}", initialDelayString = "${buitenin.events.resubmit-check:1m}")
    // A node killed while it held the lock holds it until lockAtMostFor has passed: configurable, so that a test of a kill
    // need not wait ten minutes.
    @SchedulerLock(name = "platform-event-resubmission", lockAtMostFor = "${buitenin.events.resubmit-lock:PT10M}")
    void resubmit() {
        Instant now = clock.instant();
        int stuck = releaseStuckResubmissions(now);
        if (stuck > 0) {
            log.warn("{} event publication(s) resubmitted more than {} ago were not finished (their node stopped?); they are tried again.",
                    stuck, after);
        }
        publications.resubmitIncompletePublications(publication -> wait.due(publication, now));
    }

    /**
     * Modulith resubmits only a publication that is not marked {@code RESUBMITTED} already, so one whose resubmitting node
     * died would stay so for ever. Its own staleness monitor ({@code spring.modulith.events.staleness.resubmitted})
     * measures from the publication date, not from the resubmission, so it would also fail a resubmission that is
     * still running; this measures from the last resubmission.
     */
    private int releaseStuckResubmissions(Instant now) {
        return jdbc.sql("""
                update event_publication set status = 'FAILED'
                where status = 'RESUBMITTED' and completion_date is null and last_resubmission_date < :before""")
                .param("before", OffsetDateTime.ofInstant(now.minus(after), ZoneOffset.UTC)).update();
    }
}
