package nl.buitenin.privacy.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import nl.buitenin.privacy.SmallCells;

/**
 * Settings of the privacy module.
 *
 * @param minCell           the k of small-cell suppression ({@code BUITENIN_PRIVACY_MIN_CELL}, default 5)
 * @param linkValidity      how long a link to a person's own page works ({@code BUITENIN_PRIVACY_LINK_VALIDITY}, default 90 days)
 * @param ownPagePerMinute  requests per minute one address may make to the own pages ({@code BUITENIN_PRIVACY_OWN_PAGE_RATE}, default 30)
 * @param retentionCron     when the daily retention job runs ({@code BUITENIN_PRIVACY_RETENTION_CRON}, default 03:30 every day)
 */
@ConfigurationProperties("buitenin.privacy")
public record PrivacyProperties(Integer minCell, Duration linkValidity, Integer ownPagePerMinute, String retentionCron) {

    public PrivacyProperties {
        minCell = minCell == null ? SmallCells.DEFAULT_K : minCell;
        if (minCell < 1) {
            throw new IllegalArgumentException("buitenin.privacy.min-cell must be at least 1");
        }
        linkValidity = linkValidity == null ? Duration.ofDays(90) : linkValidity;
        ownPagePerMinute = ownPagePerMinute == null ? 30 : ownPagePerMinute;
        retentionCron = retentionCron == null || retentionCron.isBlank() ? "0 30 3 * * *" : retentionCron;
    }
}
