package nl.buitenin.demand.internal.roster;

import java.time.Instant;

import nl.buitenin.demand.internal.volume.SeriesKey;

/**
 * Agents planned for one interval of one series: a count, never a name.
 *
 * @param series        the channel and location the agents answer, as the staffing page plans them
 * @param intervalStart the interval's start (its length is the installation's interval)
 * @param agents        agents on the roster, before shrinkage (0 for "planned: nobody")
 */
public record RosterEntry(SeriesKey series, Instant intervalStart, int agents) {

    /** No contact centre rosters more for one queue in one interval; more is a typing error. */
    public static final int MAX_AGENTS = 10_000;
}
