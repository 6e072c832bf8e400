package nl.buitenin.demand.internal;

import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

import nl.buitenin.demand.internal.volume.Intervals;
import nl.buitenin.journey.InteractionKind;

/**
 * Settings of demand and staffing.
 *
 * @param intervalMinutes length of the intervals counts are kept in: 15 or 30 ({@code BUITENIN_DEMAND_INTERVAL}, default 15)
 * @param defaultAhtSeconds handle time assumed for a staffing plan when the counts carry none ({@code BUITENIN_DEMAND_AHT}, default 300)
 * @param interactionKinds  the kinds of journey interaction counted as contacts ({@code BUITENIN_DEMAND_INTERACTION_KINDS},
 *                          default contact and visit: a question or a walk-in needs staff, a purchase is the outcome of one)
 * @param interactionLocation the location of counts from touchpoints that have none ({@code BUITENIN_DEMAND_INTERACTION_LOCATION},
 *                          default "Klantenservice", the contact centre)
 */
@ConfigurationProperties("buitenin.demand")
public record DemandProperties(Integer intervalMinutes, Double defaultAhtSeconds, Set<InteractionKind> interactionKinds,
        String interactionLocation) {

    public DemandProperties {
        intervalMinutes = intervalMinutes == null ? 15 : intervalMinutes;
        defaultAhtSeconds = defaultAhtSeconds == null ? 300.0 : defaultAhtSeconds;
        interactionKinds = interactionKinds == null ? Set.of(InteractionKind.CONTACT, InteractionKind.VISIT) : Set.copyOf(interactionKinds);
        interactionLocation = interactionLocation == null || interactionLocation.isBlank() ? "Klantenservice" : interactionLocation.strip();
        if (interactionLocation.length() > 100) {
            throw new IllegalArgumentException("buitenin.demand.interaction-location (BUITENIN_DEMAND_INTERACTION_LOCATION) must be at most 100 characters");
        }
        if (!Intervals.supported(intervalMinutes)) {
            throw new IllegalArgumentException("buitenin.demand.interval-minutes (BUITENIN_DEMAND_INTERVAL) must be 15 or 30, got "
                    + intervalMinutes);
        }
        if (!(defaultAhtSeconds > 0)) {
            throw new IllegalArgumentException("buitenin.demand.default-aht-seconds (BUITENIN_DEMAND_AHT) must be positive");
        }
    }
}
