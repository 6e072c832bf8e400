package nl.buitenin.loop.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param jobsEnabled         run the escalation and webhook jobs on this node ({@code BUITENIN_LOOP_JOBS})
 * @param webhookFirstRetry   wait before the first retry of a failed delivery; doubled on each further one
 *                            ({@code BUITENIN_WEBHOOK_FIRST_RETRY})
 * @param webhookMaxAttempts  attempts before a delivery is given up ({@code BUITENIN_WEBHOOK_MAX_ATTEMPTS})
 * @param webhookTimeout      how long to wait for a receiver ({@code BUITENIN_WEBHOOK_TIMEOUT})
 * @param publicMinimumCount  below this many people a count on the public page is not shown
 */
@ConfigurationProperties("buitenin.loop")
record LoopProperties(boolean jobsEnabled, Duration webhookFirstRetry, int webhookMaxAttempts, Duration webhookTimeout,
        int publicMinimumCount) {

    LoopProperties {
        if (webhookFirstRetry == null) {
            webhookFirstRetry = Duration.ofSeconds(30);
        }
        if (webhookMaxAttempts < 1) {
            webhookMaxAttempts = 8;
        }
        if (webhookTimeout == null) {
            webhookTimeout = Duration.ofSeconds(10);
        }
        if (publicMinimumCount < 1) {
            publicMinimumCount = 5;
        }
    }

    /** Exponential back-off: first retry after {@code webhookFirstRetry}, then twice as long each time. */
    Duration retryAfter(int attemptsMade) {
        return webhookFirstRetry.multipliedBy(1L << Math.min(attemptsMade - 1, 20));
    }
}
