package nl.buitenin.readings.internal;

import java.util.Set;

/**
 * Which teams a user leads: per person, a gaming signal is shown only to the lead of that person's team. An adapter
 * port, so that the lead rule has one place here; see {@link LoopTeamLeads} for where the answer comes from today.
 */
public interface TeamLeads {

    /** The names of the teams the user (by user name) leads; empty for anybody else. */
    Set<String> ledBy(String username);
}
