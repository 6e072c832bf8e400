package nl.buitenin.access.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxFailedLogins failed sign-ins in a row before the account locks ({@code BUITENIN_MAX_FAILED_LOGINS})
 * @param lockout         how long it stays locked ({@code BUITENIN_LOCKOUT})
 */
@ConfigurationProperties("buitenin.access")
record AccessProperties(int maxFailedLogins, Duration lockout) {

    AccessProperties {
        if (maxFailedLogins < 1) {
            maxFailedLogins = 5;
        }
        if (lockout == null) {
            lockout = Duration.ofMinutes(15);
        }
    }
}
