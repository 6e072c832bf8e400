package nl.buitenin.contact;

import java.time.Instant;

import nl.buitenin.journey.Channel;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.privacy.PersonKey;

/**
 * The organisation's contact policy, for the modules that send invitations. Each question is decided
 * with the stored policy, the person's facts plus the contact log, and is stored with its reasons.
 */
public interface ContactPolicy {

    /** May we invite this person to give feedback on this touchpoint now? Decides, stores and returns the decision. */
    ContactDecision mayInvite(PersonKey person, TouchpointId touchpoint, Instant now, PersonFacts facts);

    /** May we remind this person of an invitation for this touchpoint now? Only when they asked for reminders. */
    ContactDecision mayRemind(PersonKey person, TouchpointId touchpoint, Instant now, PersonFacts facts);

    /** Records an invitation or reminder that was actually sent; it counts for the window and the caps from now on. */
    void recordAttempt(PersonKey person, TouchpointId touchpoint, ContactKind kind, Channel channel, Instant sentAt);
}
