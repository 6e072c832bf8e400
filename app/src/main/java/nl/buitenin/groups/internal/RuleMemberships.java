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
        evaluate(rules, people, readableIfDerived(rules, people), clock.instant());
    }

    /**
     * After new interactions of these people (each with the moment of their latest new one): when an active rule names an
     * attribute derived from interactions, evaluates every active rule group for those of them whose interactions may be
     * read (checked and logged here, under "customer groups"): what their interactions say changed. Otherwise nothing
     * changed for any rule, and nothing is read.
     */
    @Transactional
    public void evaluateAfterInteractions(Map<PersonKey, Instant> latest) {
        List<Group> rules = groups.activeRules();
        if (latest.isEmpty() || !namesADerived(rules)) {
            return;
        }
        Set<PersonKey> readable = computed.readable(new HashMap<>(latest), "interactions for derived attributes");
        // In the order of their keys: two batches with people in common, evaluated at the same time, then replace those
        // people's memberships in the same order and wait for each other instead of deadlocking.
        evaluate(rules, readable.stream().sorted(Comparator.comparing(PersonKey::value)).toList(), readable, clock.instant());
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
        evaluate(List.of(group), all, readableIfDerived(List.of(group), all), clock.instant());
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

    /**
     * Evaluates these groups' rules (an inactive group holds for nobody) for these people, a few hundred people at a
     * time: their stored attributes read at once, with the derived attributes of those in {@code derived} computed from
     * their interactions, their rule memberships replaced at once.
     */
    private void evaluate(List<Group> rules, List<PersonKey> persons, Set<PersonKey> derived, Instant now) {
        List<nl.buitenin.groups.GroupId> ids = rules.stream().map(Group::id).toList();
        for (List<PersonKey> slice : Slices.of(persons, JdbcAttributes.SLICE)) {
            Map<PersonKey, List<Attribute>> timelines = new HashMap<>(attributes.ofAll(slice));
            computed.timelines(slice.stream().filter(derived::contains).toList())
                    .forEach((person, mine) -> timelines.put(person, ComputedAttributes.merged(timelines.get(person), mine)));
            List<JdbcMemberships.RuleStretches> stretches = new ArrayList<>();
            for (PersonKey person : slice) {
                for (Group group : rules) {
                    stretches.add(new JdbcMemberships.RuleStretches(group.id(), person,
                            group.active() ? stretches(group, timelines.get(person)) : List.of()));
                }
            }
            memberships.replaceRuleMemberships(ids, slice, stretches, now);
        }
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
