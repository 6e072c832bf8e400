package nl.buitenin.loop.internal;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every few minutes, cases past their SLA go to their team's lead (shown in the lead's view). Not before the
 * application is ready: the demo's history is written by a start-up runner, and escalating its old cases while it
 * still works them made the demo fail now and then ("case changed by somebody else").
 */
@Component
class Escalation {

    private volatile boolean ready;

    private static final Logger log = LoggerFactory.getLogger(Escalation.class);

    private final CaseWork work;
    private final LoopProperties properties;
    private final Clock clock;

    Escalation(CaseWork work, LoopProperties properties, Clock clock) {
        this.work = work;
        this.properties = properties;
        this.clock = clock;
    }

    /** Published after every start-up runner (the demo loader among them) has finished. */
    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        ready = true;
    }

    @Scheduled(fixedDelayString = "${buitenin.loop.escalation-interval:PT5M}", initialDelayString = "PT30S")
    void escalate() {
        if (ready && properties.jobsEnabled()) {
            int escalated = work.escalateOverdue(clock.instant());
            if (escalated > 0) {
                log.info("Escalated {} cases past their SLA to their team leads", escalated);
            }
        }
    }
}
