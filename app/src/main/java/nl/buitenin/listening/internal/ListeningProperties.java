package nl.buitenin.listening.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param reminderDelay   how long after an unanswered invitation a person who asked for reminders gets one
 *                        ({@code BUITENIN_REMINDER_DELAY}, default 3 days)
 * @param remindersEnabled run the reminder job on this node ({@code BUITENIN_REMINDERS})
 */
@ConfigurationProperties("buitenin.listening")
public record ListeningProperties(Duration reminderDelay, Boolean remindersEnabled) {

    public ListeningProperties {
        if (reminderDelay == null || reminderDelay.isNegative()) {
            reminderDelay = Duration.ofDays(3);
        }
        if (remindersEnabled == null) {
            remindersEnabled = true;
        }
    }
}
