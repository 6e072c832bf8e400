package nl.buitenin.messaging.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param from        the sender address ({@code BUITENIN_SMTP_FROM})
 * @param maxAttempts attempts before a message is given up as failed
 */
@ConfigurationProperties("buitenin.mail")
record MessagingProperties(String from, int maxAttempts) {

    MessagingProperties {
        if (from == null || from.isBlank()) {
            from = "buitenin@localhost";
        }
        if (maxAttempts < 1) {
            maxAttempts = 8;
        }
    }
}
