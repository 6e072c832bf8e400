package nl.buitenin.loop.internal;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every minute, the told-back messages that waited for quiet hours or a quiet day to pass go out. */
@Component
class ToldBackJob {

    private static final Logger log = LoggerFactory.getLogger(ToldBackJob.class);

    private final ToldBackMessages messages;
    private final LoopProperties properties;
    private final Clock clock;

    ToldBackJob(ToldBackMessages messages, LoopProperties properties, Clock clock) {
        this.messages = messages;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${buitenin.loop.told-back-poll:PT1M}", initialDelayString = "PT40S")
    void sendDeferred() {
        if (properties.jobsEnabled()) {
            int sent = messages.sendDeferred(clock.instant());
            if (sent > 0) {
                log.info("You said, we did: {} messages sent after the quiet time", sent);
            }
        }
    }
}
