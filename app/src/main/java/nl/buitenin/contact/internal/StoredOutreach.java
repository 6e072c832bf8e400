package nl.buitenin.contact.internal;

import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.contact.ContactDecision;
import nl.buitenin.contact.ContactKind;
import nl.buitenin.contact.ContactPolicy;
import nl.buitenin.contact.Outreach;
import nl.buitenin.contact.OutreachRequest;
import nl.buitenin.journey.Channel;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.privacy.PersonKey;

/**
 * {@link Outreach}: gathers the facts a kind of outreach needs ({@link OutreachFacts}) and lets the stored
 * {@link ContactPolicy} decide and store. The switch over {@link ContactKind} has no default, so a new kind
 * does not compile until it says which facts and rules it uses.
 */
@Service
class StoredOutreach implements Outreach {

    private final ContactPolicy policy;
    private final OutreachFacts facts;
    private final OfferDecisions offers;
    private final JdbcContactStore store;

    StoredOutreach(ContactPolicy policy, OutreachFacts facts, OfferDecisions offers, JdbcContactStore store) {
        this.policy = policy;
        this.facts = facts;
        this.offers = offers;
        this.store = store;
    }

    @Override
    @Transactional
    public ContactDecision ask(OutreachRequest request) {
        return switch (request.kind()) {
            case INVITATION -> request.occasion().kind() == OutreachRequest.OccasionKind.CONTACT
                    ? policy.mayInviteAfter(request.person(), request.touchpoint(), request.occasion().at(), request.at(), facts.forSurvey(request))
                    : policy.mayInvite(request.person(), request.touchpoint(), request.at(), facts.forSurvey(request));
            case REMINDER -> policy.mayRemind(request.person(), request.touchpoint(), request.at(), facts.forSurvey(request));
            case TOLD_BACK -> policy.mayTellBack(request.person(), request.at(), facts.forToldBack(request.person()));
            case OFFER -> offers.decide(request);
        };
    }

    /** An invitation after a contact is logged with that contact's time, so the share of contacts invited can be counted. */
    @Override
    @Transactional
    public void sent(OutreachRequest request, Instant sentAt) {
        if (request.channel() == null) {
            throw new IllegalArgumentException("the request names no channel; record the contact with contacted(…) and the channel used");
        }
        Instant contactAt = request.kind() == ContactKind.INVITATION && request.occasion().kind() == OutreachRequest.OccasionKind.CONTACT
                ? request.occasion().at() : null;
        store.saveAttempt(request.person(), request.touchpoint(), request.kind(), request.channel(), sentAt, contactAt);
    }

    @Override
    @Transactional
    public void offerSent(PersonKey person, String topic, Channel channel, Instant at) {
        store.saveOffer(person, topic, channel, at);
    }

    @Override
    @Transactional
    public void contacted(PersonKey person, TouchpointId touchpoint, ContactKind kind, Channel channel, Instant at) {
        policy.recordAttempt(person, touchpoint, kind, channel, at);
    }
}
