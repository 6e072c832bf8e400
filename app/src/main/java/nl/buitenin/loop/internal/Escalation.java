package nl.buitenin.loop.internal;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every few minutes, cases past their SLA go to their team's lead (shown in the lead's view). */
@Component
class Escalation {

    private static final Logger log = LoggerFactory.getLogger(Escalation.class);

    private final CaseWork work;
    private final LoopProperties properties;
    private final Clock clock;

    Escalation(CaseWork work, LoopProperties properties, Clock clock) {
        this.work = work;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${buitenin.loop.escalation-interval:PT5M}", initialDelayString = "PT30S")
    void escalate() {
        if (properties.jobsEnabled()) {
            int escalated = work.escalateOverdue(clock.instant());
            if (escalated > 0) {
                log.info("Escalated {} cases past their SLA to their team leads", escalated);
            }
        }
    }
}
