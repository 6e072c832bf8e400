package nl.buitenin.workshop.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import nl.buitenin.journey.JourneyId;

/**
 * A workshop on one journey.
 *
 * @param joinCode    six characters without look-alikes, shown big for the room
 * @param dots        how many dots each participant may put on notes in the vote
 * @param version     goes up with every change to the board, so a polling board knows when nothing changed
 * @param facilitator the user name of who opened it (null once erased)
 * @param departments the departments taking part, as the facilitator listed them
 */
public record Workshop(UUID id, JourneyId journey, String title, LocalDate heldOn, boolean anonymous, String joinCode,
        Status status, Voting voting, int dots, long version, @Nullable String facilitator, Instant createdAt,
        @Nullable Instant closedAt, List<String> departments) {

    public enum Status {
        OPEN,
        CLOSED
    }

    /** The dot vote: not started, running (dots can be placed, counts hidden), or closed (counts shown). */
    public enum Voting {
        NONE,
        OPEN,
        CLOSED
    }

    public Workshop {
        departments = List.copyOf(departments);
    }

    public boolean isOpen() {
        return status == Status.OPEN;
    }

    public boolean votingOpen() {
        return isOpen() && voting == Voting.OPEN;
    }

    /** Votes are counted and shown only once the vote is closed, so nobody follows the crowd. */
    public boolean votesShown() {
        return voting == Voting.CLOSED;
    }
}
