package nl.buitenin.groups.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.platform.Slices;
import nl.buitenin.privacy.PersonKey;

/**
 * Memberships of groups by rule, made from the person's attributes: at every moment an attribute of theirs changes the
 * rule is evaluated on what held then, and the person is in the group for the stretches it holds. Evaluated again in
 * full whenever their attributes change (a value sent late for the past changes the history too) and, for everybody,
 * when a rule is created or changed. A rule that names an attribute derived from interactions ({@code purchases_12m >= 2},
 * {@code channel = web}) reads it from the person's interactions ({@link ComputedAttributes}), and is evaluated again for
 * whoever has new interactions; the others read the attribute store alone and new interactions change nothing for them.
 */
@Service
public class RuleMemberships {

    private final JdbcGroups groups;
    private final JdbcAttributes attributes;
    private final JdbcMemberships memberships;
    private final ComputedAttributes computed;
    private final Clock clock;

    RuleMemberships(JdbcGroups groups, JdbcAttributes attributes, JdbcMemberships memberships, ComputedAttributes computed, Clock clock) {
        this.groups = groups;
        this.attributes = attributes;
        this.memberships = memberships;
        this.computed = computed;
        this.clock = clock;
    }

    /** Evaluates every active rule group for these persons (their attributes sent or changed). */
    @Transactional
    public void evaluate(Collection<PersonKey> persons) {
        List<Group> rules = groups.activeRules();
        if (rules.isEmpty() || persons.isEmpty()) {
            return;
        }
        List<PersonKey> people = new ArrayList<>(new LinkedHashSet<>(persons));
        evaluate(rules, people, wholeHistories(readableIfDerived(rules, people)), Map.of(), clock.instant());
    }

    /** The moments of a person's earliest and latest new interaction. */
    public record NewInteractions(Instant earliest, Instant latest) {

        public NewInteractions and(NewInteractions other) {
            return new NewInteractions(earliest.isBefore(other.earliest) ? earliest : other.earliest,
                    latest.isAfter(other.latest) ? latest : other.latest);
        }
    }

    /**
     * After new interactions of these people: when an active rule names an attribute derived from interactions, evaluates
     * every active rule group for those of them whose interactions may be read (checked and logged here, under "customer
     * groups", with the moment of their latest new interaction): what their interactions say changed. Otherwise nothing
     * changed for any rule, and nothing is read. When those rules name only counts, nothing before a person's earliest new
     * interaction changed and a count there needs only the 12 months before it: their memberships are evaluated from
     * that moment on and the ones before it kept ({@link #joined}); a rule over the channel or the product needs the whole
     * history (the latest interaction before may be years old). An interaction sent late for the past moves the
     * person's moment back with it.
     */
    @Transactional
    public void evaluateAfterInteractions(Map<PersonKey, NewInteractions> spans) {
        List<Group> rules = groups.activeRules();
        if (spans.isEmpty() || !namesADerived(rules)) {
            return;
        }
        Map<PersonKey, Instant> latest = new HashMap<>();
        spans.forEach((person, span) -> latest.put(person, span.latest()));
        Set<PersonKey> readable = computed.readable(latest, "interactions for derived attributes");
        // In the order of their keys: two batches with people in common, evaluated at the same time, then replace those
        // people's memberships in the same order and wait for each other instead of deadlocking.
        List<PersonKey> people = readable.stream().sorted(Comparator.comparing(PersonKey::value)).toList();
        if (namesOnlyCounts(rules)) {
            Map<PersonKey, Instant> since = new HashMap<>();
            people.forEach(person -> since.put(person, spans.get(person).earliest()));
            evaluate(rules, people, slice -> computed.countsFrom(slice, since), since, clock.instant());
        } else {
            evaluate(rules, people, wholeHistories(readable), Map.of(), clock.instant());
        }
    }

    /**
     * Evaluates one group's rule for everybody with attributes (a rule created, changed or retired) and, when it names an
     * attribute derived from interactions, for everybody with an interaction too.
     */
    @Transactional
    public void evaluate(Group group) {
        LinkedHashSet<PersonKey> people = new LinkedHashSet<>(attributes.persons());
        if (namesADerived(List.of(group))) {
            people.addAll(computed.persons());
        }
        List<PersonKey> all = new ArrayList<>(people);
        evaluate(List.of(group), all, wholeHistories(readableIfDerived(List.of(group), all)), Map.of(), clock.instant());
    }

    private Set<PersonKey> readableIfDerived(List<Group> rules, List<PersonKey> people) {
        return namesADerived(rules) ? computed.readable(people, "interactions for derived attributes in group rules") : Set.of();
    }

    /**
     * Whether an active one of these rules names an attribute derived from interactions (a count, channel or product),
     * which then has to be computed from the interactions.
     */
    static boolean namesADerived(List<Group> rules) {
        return rules.stream().anyMatch(g -> g.active() && g.rule() != null
                && g.rule().attributes().stream().anyMatch(DerivedAttributes.NAMES::contains));
    }

    /** Whether the derived attributes the active ones of these rules name are all counts. */
    static boolean namesOnlyCounts(List<Group> rules) {
        return rules.stream().filter(g -> g.active() && g.rule() != null).flatMap(g -> g.rule().attributes().stream())
                .filter(DerivedAttributes.NAMES::contains).allMatch(DerivedAttributes.COUNTS::contains);
    }

    /**
     * The stretches before {@code since} as they were (one that went on past it cut there), then those of {@code fresh}
     * from {@code since} on (one that began before it starting there), one stretch where a rule held on through
     * {@code since}. {@code fresh} is right only from {@code since} on; both lists oldest first.
     */
    static List<Instant[]> joined(List<Instant[]> earlier, Instant since, List<Instant[]> fresh) {
        List<Instant[]> joined = new ArrayList<>();
        for (Instant[] stretch : earlier) {
            if (stretch[0].isBefore(since)) {
                joined.add(new Instant[] {stretch[0], stretch[1] == null || stretch[1].isAfter(since) ? since : stretch[1]});
            }
        }
        for (Instant[] stretch : fresh) {
            if (stretch[1] != null && !stretch[1].isAfter(since)) {
                continue;
            }
            Instant from = stretch[0].isBefore(since) ? since : stretch[0];
            Instant[] last = joined.isEmpty() ? null : joined.get(joined.size() - 1);
            if (last != null && from.equals(since) && since.equals(last[1])) {
                last[1] = stretch[1];
            } else {
                joined.add(new Instant[] {from, stretch[1]});
            }
        }
        return joined;
    }

    /**
     * Evaluates these groups' rules (an inactive group holds for nobody) for these people, a few hundred people at a
     * time: their stored attributes read at once, with the derived attributes {@code derivedOf} computes for the slice,
     * their rule memberships replaced at once. A person with a moment in {@code since} is evaluated from it on, the
     * stretches the rules made before it kept ({@link #joined}); the others as a whole.
     */
    private void evaluate(List<Group> rules, List<PersonKey> persons, Function<List<PersonKey>, Map<PersonKey, List<Attribute>>> derivedOf,
            Map<PersonKey, Instant> since, Instant now) {
        List<nl.buitenin.groups.GroupId> ids = rules.stream().map(Group::id).toList();
        for (List<PersonKey> slice : Slices.of(persons, JdbcAttributes.SLICE)) {
            Map<PersonKey, List<Attribute>> timelines = new HashMap<>(attributes.ofAll(slice));
            derivedOf.apply(slice).forEach((person, mine) -> timelines.put(person, ComputedAttributes.merged(timelines.get(person), mine)));
            Map<nl.buitenin.groups.GroupId, Map<PersonKey, List<Instant[]>>> before = since.isEmpty() ? Map.of()
                    : memberships.ruleStretches(ids, slice);
            List<JdbcMemberships.RuleStretches> stretches = new ArrayList<>();
            for (PersonKey person : slice) {
                for (Group group : rules) {
                    List<Instant[]> fresh = group.active() ? stretches(group, timelines.get(person)) : List.of();
                    Instant from = since.get(person);
                    stretches.add(new JdbcMemberships.RuleStretches(group.id(), person, from == null ? fresh
                            : joined(before.getOrDefault(group.id(), Map.of()).getOrDefault(person, List.of()), from, fresh)));
                }
            }
            memberships.replaceRuleMemberships(ids, slice, stretches, now);
        }
    }

    /** The derived attributes of those of a slice in {@code derived}, over their whole histories. */
    private Function<List<PersonKey>, Map<PersonKey, List<Attribute>>> wholeHistories(Set<PersonKey> derived) {
        return slice -> computed.timelines(slice.stream().filter(derived::contains).toList());
    }

    /** The stretches [from, to) in which the group's rule holds for a person with this attribute history (oldest first). */
    static List<Instant[]> stretches(Group group, List<Attribute> timeline) {
        List<Instant[]> stretches = new ArrayList<>();
        if (group.rule() == null) {
            return stretches;
        }
        TreeMap<Instant, List<Attribute>> byMoment = new TreeMap<>();
        timeline.forEach(a -> byMoment.computeIfAbsent(a.from(), m -> new ArrayList<>()).add(a));
        Map<String, String> current = new HashMap<>();
        Instant open = null;
        for (Map.Entry<Instant, List<Attribute>> moment : byMoment.entrySet()) {
            moment.getValue().forEach(a -> current.put(a.name(), a.value()));
            boolean holds = group.rule().matches(current);
            if (holds && open == null) {
                open = moment.getKey();
            } else if (!holds && open != null) {
                stretches.add(new Instant[] {open, moment.getKey()});
                open = null;
            }
        }
        if (open != null) {
            stretches.add(new Instant[] {open, null});
        }
        return stretches;
    }
}
