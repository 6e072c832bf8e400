package nl.buitenin.contact.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.contact.ContactDecision;
import nl.buitenin.contact.ContactKind;
import nl.buitenin.contact.ContactPolicy;
import nl.buitenin.contact.PersonFacts;
import nl.buitenin.contact.Reason;
import nl.buitenin.contact.ToldBackFacts;
import nl.buitenin.journey.Channel;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.platform.Secrets;
import nl.buitenin.privacy.PersonKey;

/**
 * The contact policy as stored: decides with the stored settings in the organisation's time zone,
 * adds the contact log to the caller's facts, and stores every decision with its reasons.
 */
@Service
public class StoredContactPolicy implements ContactPolicy {

    private final JdbcContactStore store;
    private final Organisations organisations;
    private final PolicyEngine engine;
    private final Clock clock;
    private final OfferPolicies budget;

    StoredContactPolicy(JdbcContactStore store, Organisations organisations, Secrets secrets, Clock clock, OfferPolicies budget) {
        this.budget = budget;
        this.store = store;
        this.organisations = organisations;
        this.engine = new PolicyEngine(new Sampler(secrets.key("contact.sampling")));
        this.clock = clock;
    }

    /** The stored policy in the organisation's time zone, or the sensible default when none was saved. */
    public Policy current() {
        java.time.ZoneId zone = organisations.current().timeZone();
        return store.policySettings().map(json -> parsed.of(new Stored(json, zone))).orElseGet(() -> Policy.sensibleDefault(zone));
    }

    /** The stored text of the policy and the zone it is read in. */
    private record Stored(String json, java.time.ZoneId zone) {
    }

    private final ParsedSettings<Stored, Policy> parsed = new ParsedSettings<>(stored -> PolicyFile.read(stored.json()).toPolicy(stored.zone()));

    @Transactional
    public Policy change(PolicyFile file) {
        Policy policy = file.toPolicy(organisations.current().timeZone());
        store.savePolicySettings(PolicyFile.of(policy).write(), clock.instant());
        return policy;
    }

    @Override
    @Transactional
    public ContactDecision mayInvite(PersonKey person, TouchpointId touchpoint, Instant now, PersonFacts facts) {
        return decide(person, touchpoint, ContactKind.INVITATION, now, facts, null);
    }

    @Override
    @Transactional
    public ContactDecision mayInviteAfter(PersonKey person, TouchpointId touchpoint, Instant contactAt, Instant now, PersonFacts facts) {
        return decide(person, touchpoint, ContactKind.INVITATION, now, facts, contactAt);
    }

    @Override
    @Transactional
    public ContactDecision mayRemind(PersonKey person, TouchpointId touchpoint, Instant now, PersonFacts facts) {
        return decide(person, touchpoint, ContactKind.REMINDER, now, facts, null);
    }

    @Override
    @Transactional
    public ContactDecision mayTellBack(PersonKey person, Instant now, ToldBackFacts facts) {
        Policy policy = current();
        List<Reason> reasons = engine.decideToldBack(policy, facts, now);
        Instant deferredUntil = PolicyEngine.onlyQuietTime(reasons) ? policy.nextAllowedMoment(now).orElse(null) : null;
        ContactDecision decision = new ContactDecision(UUID.randomUUID(), person, null, ContactKind.TOLD_BACK, now, reasons, deferredUntil);
        store.saveDecision(decision);
        return decision;
    }

    @Override
    @Transactional
    public void recordAttempt(PersonKey person, TouchpointId touchpoint, ContactKind kind, Channel channel, Instant sentAt) {
        store.saveAttempt(person, touchpoint, kind, channel, sentAt);
    }

    private ContactDecision decide(PersonKey person, TouchpointId touchpoint, ContactKind kind, Instant now, PersonFacts facts,
            @Nullable Instant contactAt) {
        Policy policy = current();
        Instant startOfLastYear = LocalDate.ofInstant(now, policy.zone()).minusYears(1).withDayOfYear(1).atStartOfDay(policy.zone()).toInstant();
        PersonFacts withLog = facts.withContacts(store.attemptsSince(person, startOfLastYear));
        List<Reason> reasons = engine.decide(policy, withLog, person, touchpoint, kind, now);
        // Surveys share the contact budget with offers and told-back messages.
        reasons.addAll(budget.budgetReasons(person, kind, policy.zone(), now));
        // A reminder held back only by quiet hours or a quiet day is asked again later (listening's reminder job retries
        // it), so it is scheduled, not refused: the decision says from when, as for a told-back message.
        Instant deferredUntil = kind == ContactKind.REMINDER && PolicyEngine.onlyQuietTime(reasons)
                ? policy.nextAllowedMoment(now).orElse(null) : null;
        // An invitation after a contact waits too, but only as long as an answer can still be about that contact.
        if (kind == ContactKind.INVITATION && contactAt != null) {
            PolicyEngine.Postponement postponement = engine.postponeInvitation(policy, reasons, now, contactAt);
            reasons = postponement.reasons();
            deferredUntil = postponement.until();
        }
        ContactDecision decision = new ContactDecision(UUID.randomUUID(), person, touchpoint, kind, now, reasons, deferredUntil);
        store.saveDecision(decision, contactAt);
        return decision;
    }
}
