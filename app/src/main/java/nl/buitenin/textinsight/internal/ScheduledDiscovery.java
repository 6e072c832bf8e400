package nl.buitenin.textinsight.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Looks for new themes once a week (Monday 04:30 by default; {@code buitenin.textinsight.discovery-cron}, "-" switches
 * it off) over the last 90 days, so the page "Suggested themes" has fresh suggestions without anybody asking. A run
 * replaces the suggestions nobody decided on; adopted and dismissed ones are remembered.
 */
@Component
class ScheduledDiscovery {

    /** How a scheduled run names who ran it. */
    static final String RUN_BY = "Buitenin";

    private static final Logger log = LoggerFactory.getLogger(ScheduledDiscovery.class);

    private final SuggestedThemes suggested;

    ScheduledDiscovery(SuggestedThemes suggested) {
        this.suggested = suggested;
    }

    @Scheduled(cron = "${buitenin.textinsight.discovery-cron:0 30 4 * * MON}")
    @SchedulerLock(name = "textinsight-discovery", lockAtLeastFor = "PT5M", lockAtMostFor = "PT2H")
    void weekly() {
        SuggestedThemes.Run run = suggested.discover(null, null, null, RUN_BY);
        log.info("Theme discovery: {} texts of {}..{} read, {} not read", run.texts(), run.from(), run.to(), run.refused());
    }
}
