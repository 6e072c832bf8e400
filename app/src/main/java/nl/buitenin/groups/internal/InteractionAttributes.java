package nl.buitenin.groups.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.groups.CustomerGroups;
import nl.buitenin.journey.InteractionsRecorded;
import nl.buitenin.journey.Interactions;
import nl.buitenin.journey.Journey;
import nl.buitenin.journey.Journeys;
import nl.buitenin.journey.Touchpoint;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.Touchpoints;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.PurposeGuard;

/**
 * Keeps the stored attributes derived from interactions ({@link DerivedAttributes#STORED}: channel and product) up to
 * date: when journey records interactions ({@link InteractionsRecorded}, one event per batch), each person's values are
 * computed again from the moment of their earliest new interaction on (from the interactions since then and the
 * value just before, read through journey's {@link Interactions}, under the purpose "customer groups", each person's
 * read logged; a few hundred people per statement), stored in the attribute store marked derived where they differ,
 * and the rule groups evaluated again for those whose attributes changed — as for attributes sent through the API —
 * and, when a rule names a count, for everybody with a new interaction (counts are computed when read:
 * {@link CountedAttributes}; each person's attributes are read once, with their stored derived values, and handed to
 * the rules as they are after the change). Computing again gives the same rows as computing from the whole history (a test holds the
 * two together), so it is idempotent: an event handled twice, or an interaction sent late for the past, gives the same
 * rows.
 */
@Service
public class InteractionAttributes {

    private final Interactions interactions;
    private final Touchpoints touchpoints;
    private final Journeys journeys;
    private final JdbcDerivedAttributes derived;
    private final RuleMemberships rules;
    private final PurposeGuard purposes;
    private final Organisations organisations;
    private final Clock clock;

    InteractionAttributes(Interactions interactions, Touchpoints touchpoints, Journeys journeys, JdbcDerivedAttributes derived,
            RuleMemberships rules, PurposeGuard purposes, Organisations organisations, Clock clock) {
        this.interactions = interactions;
        this.touchpoints = touchpoints;
        this.journeys = journeys;
        this.derived = derived;
        this.rules = rules;
        this.purposes = purposes;
        this.organisations = organisations;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(InteractionsRecorded recorded) {
        Map<PersonKey, NewInteractions> spans = new HashMap<>();
        recorded.interactions().stream().filter(i -> i.person() != null)
                .forEach(i -> spans.merge(i.person(), new NewInteractions(i.at(), i.at()), NewInteractions::and));
        derive(spans, true);
    }

    /** The moments of a person's earliest and latest new interaction. */
    private record NewInteractions(Instant earliest, Instant latest) {

        NewInteractions and(NewInteractions other) {
            return new NewInteractions(earliest.isBefore(other.earliest) ? earliest : other.earliest,
                    latest.isAfter(other.latest) ? latest : other.latest);
        }
    }

    /**
     * Computes the stored derived attributes of these people again from their whole history (each with the moment of their
     * latest interaction, for the purpose's retention) and evaluates the rule groups for them: for a history that came
     * in without events. Returns how many people's stored attributes changed.
     */
    @Transactional
    public int derive(Map<PersonKey, Instant> persons) {
        Map<PersonKey, NewInteractions> spans = new HashMap<>();
        persons.forEach((person, latest) -> spans.put(person, new NewInteractions(latest, latest)));
        return derive(spans, false);
    }

    /**
     * Derives from each person's earliest new interaction on ({@code sinceEarliest}) or from their whole history; returns
     * how many people's attributes changed.
     */
    private int derive(Map<PersonKey, NewInteractions> persons, boolean sinceEarliest) {
        if (persons.isEmpty()) {
            return 0;
        }
        Map<PersonKey, Instant> latest = new HashMap<>();
        persons.forEach((person, span) -> latest.put(person, span.latest()));
        Set<PersonKey> allowed = purposes.allowed(CustomerGroups.PURPOSE, latest, "interactions for derived attributes");
        ZoneId zone = organisations.current().timeZone();
        Map<TouchpointId, Optional<DerivedAttributes.Place>> places = new HashMap<>();
        Function<TouchpointId, DerivedAttributes.@Nullable Place> placeOf = t -> places.computeIfAbsent(t, this::place).orElse(null);
        Instant now = clock.instant();
        Collection<PersonKey> changed = new LinkedHashSet<>();
        List<PersonKey> readable = persons.keySet().stream().filter(allowed::contains).toList();
        // When a rule names a count the rules need each person's whole history: read it once, here, for both. When any rule
        // is active they need each person's attributes: read with the stored derived values, once, for both.
        RuleMemberships.Active active = rules.active();
        boolean counts = active.counts();
        Map<PersonKey, List<Attribute>> countTimelines = new HashMap<>();
        Map<PersonKey, List<Attribute>> attributeTimelines = new HashMap<>();
        // A few hundred people at a time, each step for all of them at once: an event of thousands of people then costs a
        // few statements per slice instead of several per person.
        for (int start = 0; start < readable.size(); start += JdbcDerivedAttributes.SLICE) {
            List<PersonKey> slice = readable.subList(start, Math.min(readable.size(), start + JdbcDerivedAttributes.SLICE));
            Map<PersonKey, Instant> since = new LinkedHashMap<>();
            slice.forEach(person -> since.put(person, sinceEarliest ? persons.get(person).earliest() : Instant.MIN));
            // Without counts, one lower bound for the slice's reads: the earliest any of them needs (a batch of a feed spans
            // hours). A bound per person (a table of values joined on person and moment) read as many rows in the journey
            // benchmark, whose rounds repeat the same months, at four times the buffer reads on PostgreSQL's partitions. From
            // the beginning of time nothing is stored before, and DerivedAttributes.from is DerivedAttributes.of.
            Map<PersonKey, List<Interactions.Occurred>> histories = sinceEarliest && !counts
                    ? interactions.historiesOf(slice, Collections.min(since.values()))
                    : interactions.historiesOf(slice);
            Map<PersonKey, List<DerivedAttributes.Value>> values = new HashMap<>();
            histories.forEach((person, history) -> values.put(person, DerivedAttributes.of(history, placeOf, zone)));
            JdbcDerivedAttributes.Replaced replaced = derived.replaceFrom(since,
                    (person, before) -> DerivedAttributes.storedFrom(since.get(person), before, values.get(person)), now, active.any());
            changed.addAll(replaced.changed());
            if (active.any()) {
                replaced.rows().forEach((person, rows) -> attributeTimelines.put(person,
                        rows.stream().map(JdbcAttributes.Stored::attribute).toList()));
            }
            if (counts) {
                values.forEach((person, mine) -> countTimelines.put(person, CountedAttributes.timeline(person, mine)));
            }
        }
        rules.evaluateAfterInteractions(changed, new LinkedHashSet<>(readable), countTimelines, attributeTimelines);
        return changed.size();
    }

    private Optional<DerivedAttributes.Place> place(TouchpointId id) {
        return touchpoints.byId(id).flatMap((Touchpoint t) -> journeys.byId(t.journey())
                .map((Journey j) -> new DerivedAttributes.Place(t.channel(), j.nameNl())));
    }
}
