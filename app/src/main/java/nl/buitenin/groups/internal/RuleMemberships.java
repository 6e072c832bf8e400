package nl.buitenin.groups.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.privacy.PersonKey;

/**
 * Memberships of groups by rule, made from the person's attributes: at every moment an attribute of theirs changes the
 * rule is evaluated on what held then, and the person is in the group for the stretches it holds. Evaluated again in
 * full whenever their attributes change (a value sent late for the past changes the history too) and, for everybody,
 * when a rule is created or changed. A rule that names a count ({@code purchases_12m >= 2}) reads the counts from the
 * person's interactions ({@link CountedAttributes}); the others read the attribute store alone.
 */
@Service
public class RuleMemberships {

    private final JdbcGroups groups;
    private final JdbcAttributes attributes;
    private final JdbcMemberships memberships;
    private final CountedAttributes counted;
    private final Clock clock;

    RuleMemberships(JdbcGroups groups, JdbcAttributes attributes, JdbcMemberships memberships, CountedAttributes counted, Clock clock) {
        this.groups = groups;
        this.attributes = attributes;
        this.memberships = memberships;
        this.counted = counted;
        this.clock = clock;
    }

    /** Evaluates every active rule group for these persons. */
    @Transactional
    public void evaluate(Collection<PersonKey> persons) {
        List<Group> rules = groups.activeRules();
        if (rules.isEmpty() || persons.isEmpty()) {
            return;
        }
        List<PersonKey> people = new ArrayList<>(new LinkedHashSet<>(persons));
        evaluate(rules, people, readableIfCounted(rules, people), Map.of(), Map.of(), clock.instant());
    }

    /** Which rules are active: any at all, and one that names a count. */
    public record Active(boolean any, boolean counts) {
    }

    /**
     * Whether any rule group is active (then whoever's attributes change needs evaluating, and a caller that reads their
     * attributes anyway can pass them to {@link #evaluateAfterInteractions}) and whether one names a count (then whoever
     * has new interactions needs their counts, and a caller that reads their whole histories anyway can pass them too).
     */
    public Active active() {
        List<Group> rules = groups.activeRules();
        return new Active(!rules.isEmpty(), namesACount(rules));
    }

    /**
     * After new interactions: evaluates every active rule group for the people whose stored attributes changed and, when
     * a rule names a count, for every person with a new interaction whose interactions may be read ({@code readable},
     * already checked and logged by the caller): their counts changed even where nothing stored did. {@code knownCounts}
     * holds the counts the caller computed already (from {@link CountedAttributes#timeline}), {@code knownAttributes} the
     * attributes it read (and changed) already, in the order they take effect; the others' are read here (a rule made
     * active between the caller's reading and this).
     */
    @Transactional
    public void evaluateAfterInteractions(Collection<PersonKey> changed, Set<PersonKey> readable, Map<PersonKey, List<Attribute>> knownCounts,
            Map<PersonKey, List<Attribute>> knownAttributes) {
        List<Group> rules = groups.activeRules();
        if (rules.isEmpty()) {
            return;
        }
        boolean counts = namesACount(rules);
        LinkedHashSet<PersonKey> people = new LinkedHashSet<>(changed);
        if (counts) {
            people.addAll(readable);
        }
        if (!people.isEmpty()) {
            evaluate(rules, new ArrayList<>(people), counts ? readable : Set.of(), knownCounts, knownAttributes, clock.instant());
        }
    }

    /** Evaluates one group's rule for everybody with attributes (a rule created, changed or retired). */
    @Transactional
    public void evaluate(Group group) {
        List<PersonKey> people = attributes.persons();
        evaluate(List.of(group), people, readableIfCounted(List.of(group), people), Map.of(), Map.of(), clock.instant());
    }

    private Set<PersonKey> readableIfCounted(List<Group> rules, List<PersonKey> people) {
        return namesACount(rules) ? counted.readable(people, "interactions for counts in group rules") : Set.of();
    }

    /** Whether an active one of these rules names a count, which then has to be computed from the interactions. */
    static boolean namesACount(List<Group> rules) {
        return rules.stream().anyMatch(g -> g.active() && g.rule() != null
                && g.rule().attributes().stream().anyMatch(DerivedAttributes.COUNTS::contains));
    }

    /**
     * Evaluates these groups' rules (an inactive group holds for nobody) for these people, a few hundred people at a
     * time: their attribute timelines from {@code knownAttributes} or read at once (with the counts of those in
     * {@code counts}: from {@code known} where it has them, read otherwise), their rule memberships replaced at once.
     */
    private void evaluate(List<Group> rules, List<PersonKey> persons, Set<PersonKey> counts, Map<PersonKey, List<Attribute>> known,
            Map<PersonKey, List<Attribute>> knownAttributes, Instant now) {
        List<nl.buitenin.groups.GroupId> ids = rules.stream().map(Group::id).toList();
        for (int start = 0; start < persons.size(); start += JdbcDerivedAttributes.SLICE) {
            List<PersonKey> slice = persons.subList(start, Math.min(persons.size(), start + JdbcDerivedAttributes.SLICE));
            Map<PersonKey, List<Attribute>> timelines = new HashMap<>(attributes.ofAll(slice.stream().filter(p -> !knownAttributes.containsKey(p)).toList()));
            slice.stream().filter(knownAttributes::containsKey).forEach(p -> timelines.put(p, knownAttributes.get(p)));
            Map<PersonKey, List<Attribute>> countsHere = new HashMap<>();
            List<PersonKey> unknown = new ArrayList<>();
            for (PersonKey person : slice) {
                if (!counts.contains(person)) {
                    continue;
                }
                List<Attribute> mine = known.get(person);
                if (mine == null) {
                    unknown.add(person);
                } else {
                    countsHere.put(person, mine);
                }
            }
            if (!unknown.isEmpty()) {
                countsHere.putAll(counted.timelines(unknown));
            }
            countsHere.forEach((person, mine) -> timelines.put(person, CountedAttributes.merged(timelines.get(person), mine)));
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
