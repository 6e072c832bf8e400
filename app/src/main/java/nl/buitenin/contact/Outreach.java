package nl.buitenin.contact;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import nl.buitenin.journey.Channel;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.privacy.PersonKey;

/**
 * The one place that decides whether Buitenin may contact a person now: every module that sends something to
 * a person (survey invitations and reminders, the widget's question, "you said, we did") asks here. The
 * decision gathers its own facts — the contact log, consent and preferences (privacy), recent service
 * contacts (journey), open cases (through {@link OpenCases}, implemented by the modules that keep cases) —
 * decides with the stored {@link ContactPolicy}, and stores the decision with all its reasons.
 *
 * <p>A sender therefore needs only this interface: ask, send when allowed, then record the contact with
 * {@link #contacted}. A new kind of outreach adds a {@link ContactKind}, its facts and its rules in this
 * module; the sender's module calls {@link #ask} like every other (see docs/DEVELOPING.md, "Outreach").
 */
public interface Outreach {

    /** Gathers the person's facts, decides with the stored policy, stores and returns the decision; joins the caller's transaction. */
    ContactDecision ask(OutreachRequest request);

    /**
     * Records a contact that was actually made: invitations and reminders count for the window and the caps
     * from now on, a told-back message (touchpoint null) as a recent contact before any invitation.
     */
    void contacted(PersonKey person, @Nullable TouchpointId touchpoint, ContactKind kind, Channel channel, Instant at);

    /**
     * Records that an offer on {@code topic} went out: it counts in the shared contact budget and the topic's cap from
     * now on.
     */
    void offerSent(PersonKey person, String topic, Channel channel, Instant at);

    /** Records that the message asked about went out on the request's channel at {@code sentAt}. */
    default void sent(OutreachRequest request, Instant sentAt) {
        if (request.channel() == null) {
            throw new IllegalArgumentException("the request names no channel; record the contact with contacted(…) and the channel used");
        }
        if (request.kind() == ContactKind.OFFER) {
            offerSent(request.person(), request.topic(), request.channel(), sentAt);
            return;
        }
        contacted(request.person(), request.touchpoint(), request.kind(), request.channel(), sentAt);
    }
}
