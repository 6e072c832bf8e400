package nl.buitenin.demand.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

import nl.buitenin.demand.internal.volume.Intervals;

/**
 * Settings of demand and staffing.
 *
 * @param intervalMinutes length of the intervals counts are kept in: 15 or 30 ({@code BUITENIN_DEMAND_INTERVAL}, default 15)
 * @param defaultAhtSeconds handle time assumed for a staffing plan when the counts carry none ({@code BUITENIN_DEMAND_AHT}, default 300)
 */
@ConfigurationProperties("buitenin.demand")
public record DemandProperties(Integer intervalMinutes, Double defaultAhtSeconds) {

    public DemandProperties {
        intervalMinutes = intervalMinutes == null ? 15 : intervalMinutes;
        defaultAhtSeconds = defaultAhtSeconds == null ? 300.0 : defaultAhtSeconds;
        if (!Intervals.supported(intervalMinutes)) {
            throw new IllegalArgumentException("buitenin.demand.interval-minutes (BUITENIN_DEMAND_INTERVAL) must be 15 or 30, got "
                    + intervalMinutes);
        }
        if (!(defaultAhtSeconds > 0)) {
            throw new IllegalArgumentException("buitenin.demand.default-aht-seconds (BUITENIN_DEMAND_AHT) must be positive");
        }
    }
}
