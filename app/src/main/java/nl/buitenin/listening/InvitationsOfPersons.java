package nl.buitenin.listening;

import java.time.Instant;
import java.util.List;

import nl.buitenin.privacy.PersonKey;

/**
 * Invitations to answer sent to known persons, each with whether it was answered in full, counted as the start page's
 * response rate counts them; for response rates per group of people (customer groups).
 */
public interface InvitationsOfPersons {

    record Invitation(PersonKey person, Instant invitedAt, boolean completed) {
    }

    /**
     * The invitations sent to known persons from {@code since} (included) to {@code until} (excluded), oldest first.
     * Personal data: the caller reads them under a purpose it has checked.
     */
    List<Invitation> sentBetween(Instant since, Instant until);
}
