package nl.buitenin.loop;

import java.util.Optional;

import nl.buitenin.access.UserId;

/**
 * Who leads a team: the one way to ask it, for loop's own pages (the team lead's queue, menu entry and start panel) and
 * for other modules (the score-gaming page shows a staff member only to that person's team lead). A team and its lead
 * are set up in loop's settings; users belong to a team by name. Loop's escalation and reassignment ask it too.
 */
public interface TeamLeads {

    /** Whether the user leads the team of this name. */
    boolean leads(UserId user, String team);

    /** The team the user leads: their own team, when they are its lead; empty for everyone else. */
    Optional<String> teamLedBy(UserId user);

    /** As {@link #teamLedBy(UserId)}, for a signed-in user known by their user name. */
    Optional<String> teamLedBy(String username);

    /** The lead of the team of this name, if it has one (an overdue case of the team is escalated to them). */
    Optional<UserId> leadOf(String team);
}
