package nl.buitenin.demand.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import nl.buitenin.demand.ContactStaffing;
import nl.buitenin.demand.internal.erlang.ServiceTarget;
import nl.buitenin.demand.internal.erlang.Staffing;
import nl.buitenin.demand.internal.erlang.StaffingGoal;
import nl.buitenin.demand.internal.erlang.Workload;
import nl.buitenin.demand.internal.volume.Intervals;

/**
 * {@link ContactStaffing} on demand's own parts: the interval length of its counts, the handle time of its phone line
 * ({@link DemandFigures#measuredAht}) and {@link Staffing#required} for a goal of only the service level (no occupancy
 * limit, no shrinkage), as the staffing plan computes the agents per interval.
 */
@Service
class ContactStaffingService implements ContactStaffing {

    private final DemandFigures figures;
    private final DemandProperties properties;

    ContactStaffingService(DemandFigures figures, DemandProperties properties) {
        this.figures = figures;
        this.properties = properties;
    }

    @Override
    public AgentHours agentHours(Collection<Instant> contacts, @Nullable Double ahtSeconds, ServiceLevel level) {
        int minutes = properties.intervalMinutes();
        ZoneId zone = figures.zone();
        Map<ZonedDateTime, Integer> perInterval = new TreeMap<>();
        for (Instant contact : contacts) {
            perInterval.merge(Intervals.floor(contact.atZone(zone), minutes), 1, Integer::sum);
        }
        Double measured = ahtSeconds != null ? null
                : figures.resolve(null, null).map(figures::measuredAht).orElse(null);
        double aht = ahtSeconds != null ? ahtSeconds : measured != null ? measured : properties.defaultAhtSeconds();
        StaffingGoal goal = StaffingGoal.serviceLevel(new ServiceTarget(level.share(), level.seconds()));
        long agentIntervals = 0;
        for (int calls : perInterval.values()) {
            agentIntervals += Staffing.required(new Workload(calls, minutes * 60.0, aht), goal).agents();
        }
        return new AgentHours(contacts.size(), perInterval.size(), agentIntervals * minutes / 60.0, aht, measured != null, minutes);
    }
}
