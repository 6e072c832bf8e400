package nl.buitenin.contact;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import nl.buitenin.journey.Channel;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.privacy.PersonKey;

/**
 * One question to {@link Outreach}: may we contact this person at {@code at}, for this purpose ({@code kind}),
 * about this touchpoint, on this channel? The {@link Occasion} says which of the person's own service contacts
 * the outreach is about, so that they do not count against it as "recent operational contact".
 *
 * @param touchpoint the touchpoint an invitation or reminder is about; null for a told-back message
 * @param channel    the channel the message goes out on; null when it is chosen only after the decision (a
 *                   told-back message goes by the person's preferred channel). The channel-preference rule
 *                   of surveys weighs the policy's invitation channel, as it always has
 * @param topic      what an offer is about (a destination, a product); null for every other kind
 */
public record OutreachRequest(PersonKey person, ContactKind kind, @Nullable TouchpointId touchpoint, @Nullable Channel channel,
        Instant at, Occasion occasion, @Nullable String topic) {

    public OutreachRequest {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(occasion, "occasion");
        if (kind != ContactKind.TOLD_BACK && kind != ContactKind.OFFER) {
            Objects.requireNonNull(touchpoint, "touchpoint");
        }
        if (kind == ContactKind.OFFER) {
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(channel, "channel");
        }
    }

    /** A request about no topic (every kind but an offer). */
    public OutreachRequest(PersonKey person, ContactKind kind, @Nullable TouchpointId touchpoint, @Nullable Channel channel,
            Instant at, Occasion occasion) {
        this(person, kind, touchpoint, channel, at, occasion, null);
    }

    /** An offer on {@code topic} by {@code channel}: its occasion is the person's interest, not a service contact. */
    public static OutreachRequest offer(PersonKey person, String topic, Channel channel, Instant now) {
        return new OutreachRequest(person, ContactKind.OFFER, null, channel, now, Occasion.NONE, topic);
    }

    /** An invitation after one service contact (an interaction at {@code contactAt}), which is the occasion itself. */
    public static OutreachRequest invitationAfter(PersonKey person, TouchpointId touchpoint, Instant contactAt, Channel channel, Instant now) {
        return new OutreachRequest(person, ContactKind.INVITATION, touchpoint, channel, now, new Occasion(OccasionKind.CONTACT, contactAt));
    }

    /** An invitation shown during a visit in progress: the service contacts after {@code visitSince} are that visit. */
    public static OutreachRequest invitationDuringVisit(PersonKey person, TouchpointId touchpoint, Instant visitSince, Channel channel,
            Instant now) {
        return new OutreachRequest(person, ContactKind.INVITATION, touchpoint, channel, now, new Occasion(OccasionKind.VISIT_SINCE, visitSince));
    }

    /** A reminder of the invitation sent at {@code invitedAt}: service contacts up to then were weighed for the invitation. */
    public static OutreachRequest reminder(PersonKey person, TouchpointId touchpoint, Instant invitedAt, Channel channel, Instant now) {
        return new OutreachRequest(person, ContactKind.REMINDER, touchpoint, channel, now, new Occasion(OccasionKind.INVITED_AT, invitedAt));
    }

    /** A "you said, we did" message; the channel follows from the person's preference once it is allowed. */
    public static OutreachRequest toldBack(PersonKey person, Instant now) {
        return new OutreachRequest(person, ContactKind.TOLD_BACK, null, null, now, Occasion.NONE);
    }

    /**
     * What the outreach is about, as far as the person's service contacts (journey interactions) go: those
     * contacts are its occasion, not a reason to leave the person alone.
     *
     * @param at the moment that marks the occasion (see {@link OccasionKind}); null for {@link OccasionKind#NONE}
     */
    public record Occasion(OccasionKind kind, @Nullable Instant at) {

        public Occasion {
            Objects.requireNonNull(kind, "kind");
            if (kind != OccasionKind.NONE) {
                Objects.requireNonNull(at, "at");
            }
        }

        public static final Occasion NONE = new Occasion(OccasionKind.NONE, null);
    }

    /** Which service contacts belong to the outreach. */
    public enum OccasionKind {
        /** The one service contact at {@code at} (the interaction an invitation follows). */
        CONTACT,
        /** A visit in progress: every service contact after {@code at} belongs to it. */
        VISIT_SINCE,
        /** A reminder of the invitation sent at {@code at}: only service contacts after it are new. */
        INVITED_AT,
        /** No service contact is its occasion (a told-back message answers what the person raised earlier). */
        NONE
    }
}
