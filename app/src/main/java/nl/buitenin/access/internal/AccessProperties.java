package nl.buitenin.access.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxFailedLogins failed sign-ins in a row before the account locks ({@code BUITENIN_MAX_FAILED_LOGINS})
 * @param lockout         how long it stays locked ({@code BUITENIN_LOCKOUT})
 * @param publicRequestsPerMinute what one anonymous client address may ask per minute ({@code BUITENIN_PUBLIC_RATE})
 */
@ConfigurationProperties("buitenin.access")
record AccessProperties(int maxFailedLogins, Duration lockout, int publicRequestsPerMinute) {

    AccessProperties {
        if (maxFailedLogins < 1) {
            maxFailedLogins = 5;
        }
        if (lockout == null) {
            lockout = Duration.ofMinutes(15);
        }
        if (publicRequestsPerMinute < 1) {
            publicRequestsPerMinute = 120;
        }
    }
}
