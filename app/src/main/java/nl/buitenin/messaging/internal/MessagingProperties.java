package nl.buitenin.messaging.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param from        the sender address ({@code BUITENIN_SMTP_FROM})
 * @param maxAttempts attempts before a message is given up as failed
 * @param claim       how long a node holds a message it is sending before another node may take it over; longer than
 *                    an SMTP exchange may take (connect, read and write time-outs together), so a live node's claim
 *                    never expires mid-send
 */
@ConfigurationProperties("buitenin.mail")
record MessagingProperties(String from, int maxAttempts, Duration claim) {

    MessagingProperties {
        if (from == null || from.isBlank()) {
            from = "buitenin@localhost";
        }
        if (maxAttempts < 1) {
            maxAttempts = 8;
        }
        if (claim == null || claim.isNegative() || claim.isZero()) {
            claim = Duration.ofMinutes(5);
        }
    }
}
