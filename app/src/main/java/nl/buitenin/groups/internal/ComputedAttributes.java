package nl.buitenin.groups.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

import nl.buitenin.groups.CustomerGroups;
import nl.buitenin.journey.Interactions;
import nl.buitenin.journey.Journey;
import nl.buitenin.journey.JourneyId;
import nl.buitenin.journey.Journeys;
import nl.buitenin.journey.Touchpoint;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.Touchpoints;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.platform.Slices;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.PurposeGuard;

/**
 * The attributes of {@link DerivedAttributes} (the counts, {@code channel} and {@code product}), computed from a person's
 * interactions when they are read rather than stored: one function of the interactions ({@link DerivedAttributes#of}),
 * so a rule over one holds exactly where it did while they were stored. Interactions are personal data: they are read
 * under the purpose "customer groups", for the people the caller found allowed ({@link #readable}, which logs each read)
 * and a few hundred people per statement.
 */
@Service
public class ComputedAttributes {

    private final Interactions interactions;
    private final Touchpoints touchpoints;
    private final Journeys journeys;
    private final PurposeGuard purposes;
    private final Organisations organisations;

    ComputedAttributes(Interactions interactions, Touchpoints touchpoints, Journeys journeys, PurposeGuard purposes, Organisations organisations) {
        this.interactions = interactions;
        this.touchpoints = touchpoints;
        this.journeys = journeys;
        this.purposes = purposes;
        this.organisations = organisations;
    }

    /** The people among these whose interactions may be read for customer groups, each read logged with {@code what}. */
    public Set<PersonKey> readable(Collection<PersonKey> persons, String what) {
        // No moment per person: privacy judges retention by each person's last activity.
        Map<PersonKey, @Nullable Instant> unknownMoments = new HashMap<>();
        persons.forEach(person -> unknownMoments.put(person, null));
        return readable(unknownMoments, what);
    }

    /**
     * {@link #readable} for people whose latest interaction the caller knows (privacy judges retention by it and need not
     * read their last activities).
     */
    public Set<PersonKey> readable(Map<PersonKey, @Nullable Instant> latest, String what) {
        return latest.isEmpty() ? Set.of() : purposes.allowed(CustomerGroups.PURPOSE, latest, what);
    }

    /** Everybody with an interaction, for evaluating a rule over a derived attribute for all it can hold for. */
    public List<PersonKey> persons() {
        return interactions.persons();
    }

    /**
     * Each person's derived attributes over their whole history, in the order they take effect (an empty list for a person
     * without interactions), each history read once. The caller has found them {@link #readable}.
     */
    public Map<PersonKey, List<Attribute>> timelines(Collection<PersonKey> readable) {
        ZoneId zone = organisations.current().timeZone();
        Function<TouchpointId, DerivedAttributes.@Nullable Place> places = places();
        Map<PersonKey, List<Attribute>> timelines = new LinkedHashMap<>();
        List<PersonKey> people = readable.stream().distinct().toList();
        for (List<PersonKey> slice : Slices.of(people, JdbcAttributes.SLICE)) {
            interactions.historiesOf(slice).forEach((person, history) -> timelines.put(person,
                    timeline(person, DerivedAttributes.of(history, places, zone))));
        }
        return timelines;
    }

    /**
     * Each person's counts from the interactions since 12 months before their {@code since} (in the organisation's time
     * zone, and two days more for the ends of months): right from {@code since} on, where every interaction not yet
     * lapsed is among those read; before it they may miss older ones. For evaluating rules that name only counts from a
     * person's earliest new interaction on, without reading the years before (on PostgreSQL their months' partitions
     * are pruned). One lower bound per slice, the earliest any of its people needs. The caller has found them
     * {@link #readable}.
     */
    public Map<PersonKey, List<Attribute>> countsFrom(Collection<PersonKey> readable, Map<PersonKey, Instant> since) {
        ZoneId zone = organisations.current().timeZone();
        Map<PersonKey, List<Attribute>> timelines = new LinkedHashMap<>();
        List<PersonKey> people = readable.stream().distinct().toList();
        for (List<PersonKey> slice : Slices.of(people, JdbcAttributes.SLICE)) {
            Instant window = slice.stream().map(person -> since.get(person).atZone(zone).minusMonths(12).minusDays(2).toInstant())
                    .min(Comparator.naturalOrder()).orElseThrow();
            interactions.historiesOf(slice, window).forEach((person, history) -> timelines.put(person,
                    timeline(person, DerivedAttributes.counts(DerivedAttributes.of(history, touchpoint -> null, zone)))));
        }
        return timelines;
    }

    /** A person's derived values as attributes, in the order they take effect. */
    static List<Attribute> timeline(PersonKey person, List<DerivedAttributes.Value> values) {
        return values.stream().map(value -> new Attribute(person, value.name(), value.value(), value.from(), sourceId(person, value))).toList();
    }

    /** The source id of a computed value: what it is, of whom and from when (never stored; it names the value). */
    static String sourceId(PersonKey person, DerivedAttributes.Value value) {
        return "derived:" + value.name() + ":" + value.from().toEpochMilli() + ":" + person.value();
    }

    /**
     * Each person's derived attributes at a moment, by name (a person whose interactions all lapsed has zero counts and
     * keeps their channel; one who never had an interaction has none). The caller has found them {@link #readable}.
     */
    public Map<PersonKey, Map<String, String>> at(Collection<PersonKey> readable, Instant at) {
        Map<PersonKey, Map<String, String>> values = new LinkedHashMap<>();
        timelines(readable).forEach((person, timeline) -> {
            Map<String, String> held = new HashMap<>();
            timeline.stream().filter(a -> !a.from().isAfter(at)).forEach(a -> held.put(a.name(), a.value()));
            values.put(person, held);
        });
        return values;
    }

    /** Merges a person's stored attributes with their computed ones in the order they take effect (stored first at a tie). */
    static List<Attribute> merged(List<Attribute> stored, List<Attribute> computed) {
        List<Attribute> all = new ArrayList<>(stored.size() + computed.size());
        all.addAll(stored);
        all.addAll(computed);
        // A stable sort: at one moment the stored values keep their order.
        all.sort(Comparator.comparing(Attribute::from));
        return all;
    }

    /**
     * Where each touchpoint is (its channel and its journey's Dutch name), archived ones too: two reads per call rather
     * than one per touchpoint and slice.
     */
    private Function<TouchpointId, DerivedAttributes.@Nullable Place> places() {
        Map<JourneyId, String> journeyNames = new HashMap<>();
        journeys.allIncludingArchived().forEach((Journey j) -> journeyNames.put(j.id(), j.nameNl()));
        Map<TouchpointId, DerivedAttributes.Place> places = new HashMap<>();
        for (Touchpoint t : touchpoints.allIncludingArchived()) {
            String journey = journeyNames.get(t.journey());
            if (journey != null) {
                places.put(t.id(), new DerivedAttributes.Place(t.channel(), journey));
            }
        }
        return places::get;
    }
}
