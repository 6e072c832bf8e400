package nl.buitenin.contact;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import nl.buitenin.journey.Channel;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.privacy.PersonKey;

/**
 * The organisation's contact policy deciding on facts it is given. Each question is decided with the
 * stored policy, the person's facts plus the contact log, and is stored with its reasons. Modules that
 * send ask {@link Outreach} instead, which gathers the facts and calls this; only the contact module
 * (and its tests) use this interface directly ({@code OneOutreachDecisionTest}).
 */
public interface ContactPolicy {

    /** May we invite this person to give feedback on this touchpoint now? Decides, stores and returns the decision. */
    ContactDecision mayInvite(PersonKey person, TouchpointId touchpoint, Instant now, PersonFacts facts);

    /**
     * May we invite this person to give feedback on the service contact they had at {@code contactAt}? As
     * {@link #mayInvite(PersonKey, TouchpointId, Instant, PersonFacts)}, except that an invitation held back only by quiet
     * hours or a quiet day is postponed to the next allowed moment ({@link ContactDecision#deferredUntil()}) when that
     * moment is within the policy's maximum delay after the contact, and refused as too long after the contact otherwise.
     */
    ContactDecision mayInviteAfter(PersonKey person, TouchpointId touchpoint, Instant contactAt, Instant now, PersonFacts facts);

    /** May we remind this person of an invitation for this touchpoint now? Only when they asked for reminders. */
    ContactDecision mayRemind(PersonKey person, TouchpointId touchpoint, Instant now, PersonFacts facts);

    /**
     * May we tell this person now what was done with what they raised ("you said, we did")? Consent,
     * "do not contact" and erasure always refuse; quiet hours and quiet days defer the message to the next
     * allowed moment ({@link ContactDecision#deferredUntil()}) instead of dropping it; the survey caps, the
     * recontact window, sampling, an open case and recent operational contact do not apply, since this is
     * a promised reply rather than a request. Decides, stores and returns the decision.
     */
    ContactDecision mayTellBack(PersonKey person, Instant now, ToldBackFacts facts);

    /**
     * Records a contact that was actually made; invitations and reminders count for the window and the
     * caps from now on, a told-back message (touchpoint null) as a recent contact before any invitation.
     */
    void recordAttempt(PersonKey person, @Nullable TouchpointId touchpoint, ContactKind kind, Channel channel, Instant sentAt);
}
