package nl.buitenin.demand;

import java.time.Instant;
import java.util.Collection;

import org.jspecify.annotations.Nullable;

import nl.buitenin.platform.InvalidInputException;

/**
 * Demand's staffing offered to other modules for contacts they count themselves (customer groups: the phone calls of one
 * group's people): the contacts are put in demand's intervals on the organisation's clock, and each interval gets the
 * fewest agents that reach the service level by Erlang C, as the staffing page computes a plan. No second Erlang
 * implementation outside demand.
 */
public interface ContactStaffing {

    /**
     * "{@code share} answered within {@code seconds}", such as 80 % within 20 s.
     *
     * @param share   between 0 and 1, both excluded
     * @param seconds 0 or more
     */
    record ServiceLevel(double share, double seconds) {

        /** The staffing page's default: 80 % within 20 seconds. */
        public static final ServiceLevel USUAL = new ServiceLevel(0.80, 20);

        public ServiceLevel {
            if (!(share > 0 && share < 1)) {
                throw InvalidInputException.of("serviceShare", "demand.invalid.targetShare", String.valueOf(share * 100));
            }
            if (!(seconds >= 0) || Double.isInfinite(seconds)) {
                throw InvalidInputException.of("serviceSeconds", "demand.invalid.targetSeconds", String.valueOf(seconds));
            }
        }
    }

    /**
     * What the contacts need: {@code agentHours} is the sum over the intervals with a contact of the agents answering in
     * them times the interval's length (agents on the phone; breaks and absence not added).
     *
     * @param contacts        the contacts counted
     * @param intervals       the intervals that had at least one
     * @param agentHours      agents × interval length, summed
     * @param ahtSeconds      the handle time used
     * @param ahtMeasured     whether it was measured on demand's phone line (else given by the caller or demand's default)
     * @param intervalMinutes demand's interval length
     */
    record AgentHours(long contacts, int intervals, double agentHours, double ahtSeconds, boolean ahtMeasured, int intervalMinutes) {
    }

    /**
     * The agent hours these contacts need at this service level, with the given handle time or, when null, the one
     * demand plans with: measured on the phone line over its last four weeks of counts, else its default.
     */
    AgentHours agentHours(Collection<Instant> contacts, @Nullable Double ahtSeconds, ServiceLevel level);
}
