package nl.buitenin.contact.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import nl.buitenin.contact.ContactDecision;
import nl.buitenin.contact.ContactKind;
import nl.buitenin.contact.Interests;
import nl.buitenin.contact.Interests.InterestStanding;
import nl.buitenin.contact.OpenCases;
import nl.buitenin.contact.OutreachRequest;
import nl.buitenin.contact.Reason;
import nl.buitenin.privacy.Consents;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.Persons;
import nl.buitenin.privacy.Preferences;
import nl.buitenin.privacy.PurposeId;

/**
 * Decides an offer for {@link StoredOutreach}: gathers consent for "offers" and the preferences (privacy), an open case
 * (the {@link OpenCases} ports), the interest ({@link Interests}, implemented by offers) and the contact log, lets
 * {@link OfferRules} decide with the stored survey policy (quiet hours and days, zone) and the stored
 * {@link OfferPolicy}, and stores the decision with its topic and every reason.
 */
@Component
class OfferDecisions {

    private final StoredContactPolicy policies;
    private final OfferPolicies offerPolicies;
    private final JdbcContactStore store;
    private final Persons persons;
    private final Consents consents;
    private final List<OpenCases> openCases;
    private final List<Interests> interests;

    OfferDecisions(StoredContactPolicy policies, OfferPolicies offerPolicies, JdbcContactStore store, Persons persons, Consents consents,
            List<OpenCases> openCases, List<Interests> interests) {
        this.policies = policies;
        this.offerPolicies = offerPolicies;
        this.store = store;
        this.persons = persons;
        this.consents = consents;
        this.openCases = List.copyOf(openCases);
        this.interests = List.copyOf(interests);
    }

    ContactDecision decide(OutreachRequest request) {
        PersonKey person = request.person();
        String topic = request.topic();
        Instant now = request.at();
        Policy policy = policies.current();
        OfferPolicy offers = offerPolicies.current();
        boolean known = persons.exists(person);
        Preferences preferences = known ? persons.preferences(person) : Preferences.DEFAULT;
        OfferRules.OfferFacts facts = new OfferRules.OfferFacts(known && consents.isGiven(person, PurposeId.OFFERS), preferences.channel(),
                openCases.stream().anyMatch(cases -> cases.hasOpenCase(person)), interest(person, topic, now));
        List<Reason> reasons = OfferRules.decide(policy, offers, facts, offerPolicies.logOf(offers, person, policy.zone(), now), topic,
                request.channel(), now);
        // Refused only by the clock: still refused (a CRM asks about "now"), but the answer says when the clock stops objecting.
        Instant retryAfter = PolicyEngine.onlyQuietTime(reasons) ? policy.nextAllowedMoment(now).orElse(null) : null;
        ContactDecision decision = new ContactDecision(UUID.randomUUID(), person, null, ContactKind.OFFER, now, reasons, retryAfter, topic);
        store.saveDecision(decision);
        return decision;
    }

    /** The strongest standing any implementation knows; closed when any says so. */
    private InterestStanding interest(PersonKey person, String topic, Instant at) {
        boolean counts = false;
        boolean closed = false;
        for (Interests source : interests) {
            InterestStanding standing = source.standing(person, topic, at);
            counts |= standing.counts();
            closed |= standing.closed();
        }
        return new InterestStanding(counts, closed);
    }
}
