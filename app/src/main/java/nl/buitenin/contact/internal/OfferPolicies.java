package nl.buitenin.contact.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.contact.ContactKind;
import nl.buitenin.contact.Reason;
import nl.buitenin.privacy.PersonKey;

/** The stored shared contact budget and offer rules ({@link OfferPolicy}), or the sensible default when none was saved. */
@Service
public class OfferPolicies {

    private final JdbcContactStore store;
    private final Clock clock;

    OfferPolicies(JdbcContactStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    private final ParsedSettings<String, OfferPolicy> parsed = new ParsedSettings<>(json -> OfferPolicyFile.read(json).toPolicy());

    public OfferPolicy current() {
        return store.offerPolicySettings().map(parsed::of).orElseGet(OfferPolicy::sensibleDefault);
    }

    @Transactional
    public OfferPolicy change(OfferPolicyFile file) {
        OfferPolicy policy = file.toPolicy();
        store.saveOfferPolicySettings(OfferPolicyFile.of(policy).write(), clock.instant());
        return policy;
    }

    /**
     * The person's log far enough back for a calendar quarter (and a week that began in the quarter before) and for the
     * topic cap's period.
     */
    List<LoggedContact> logOf(OfferPolicy policy, PersonKey person, ZoneId zone, Instant now) {
        Instant quarters = LocalDate.ofInstant(now, zone).minusMonths(4).withDayOfMonth(1).atStartOfDay(zone).toInstant();
        Instant topic = now.minus(java.time.Duration.ofDays(policy.topicCapDays()));
        return store.loggedSince(person, topic.isBefore(quarters) ? topic : quarters);
    }

    /** The budget's objections to one more message of {@code kind} to this person now. */
    List<Reason> budgetReasons(PersonKey person, ContactKind kind, ZoneId zone, Instant now) {
        OfferPolicy policy = current();
        return ContactBudget.check(policy, logOf(policy, person, zone, now), kind, zone, now);
    }
}
