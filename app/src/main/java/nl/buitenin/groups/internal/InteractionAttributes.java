package nl.buitenin.groups.internal;

import java.util.HashMap;
import java.util.Map;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;

import nl.buitenin.journey.InteractionsRecorded;
import nl.buitenin.privacy.PersonKey;

/**
 * What new interactions change for customer groups: nothing is stored from them (the attributes they say, the counts,
 * {@code channel} and {@code product}, are computed when read: {@link ComputedAttributes}), but a group by a rule that
 * names one of those attributes may now hold for other stretches. When journey records interactions
 * ({@link InteractionsRecorded}, one event per batch) and such a rule is active, the rule groups are evaluated again for
 * each person with a new interaction (their interactions read under the purpose "customer groups", each read logged, a
 * few hundred people per statement); without such a rule the listener reads and writes nothing. Evaluating computes the
 * memberships again from the whole history, or, when the rules name only counts, from each person's earliest new
 * interaction on (from the 12 months before it, the memberships before it kept): either way it is idempotent, and an
 * event handled twice, or an interaction sent late for the past, gives the same memberships.
 */
@Service
public class InteractionAttributes {

    private final RuleMemberships rules;

    InteractionAttributes(RuleMemberships rules) {
        this.rules = rules;
    }

    @ApplicationModuleListener
    void on(InteractionsRecorded recorded) {
        Map<PersonKey, RuleMemberships.NewInteractions> spans = new HashMap<>();
        recorded.interactions().stream().filter(i -> i.person() != null)
                .forEach(i -> spans.merge(i.person(), new RuleMemberships.NewInteractions(i.at(), i.at()), RuleMemberships.NewInteractions::and));
        rules.evaluateAfterInteractions(spans);
    }
}
