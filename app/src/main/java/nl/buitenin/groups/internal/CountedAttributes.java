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

import org.springframework.stereotype.Service;

import nl.buitenin.groups.CustomerGroups;
import nl.buitenin.journey.Interactions;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.platform.Slices;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.PurposeGuard;

/**
 * The counts of {@link DerivedAttributes} ({@code purchases_12m}, {@code contacts_12m}, {@code visits_12m},
 * {@code interactions_12m}), computed from a person's interactions when they are read rather than stored: the same
 * function of the interactions ({@link DerivedAttributes#of}), so a rule over a count holds exactly where it did when
 * the counts were stored. Interactions are personal data: they are read under the purpose "customer groups", for the
 * people the caller found allowed ({@link #readable}, which logs each read) and a few hundred people per statement.
 */
@Service
public class CountedAttributes {

    private final Interactions interactions;
    private final PurposeGuard purposes;
    private final Organisations organisations;

    CountedAttributes(Interactions interactions, PurposeGuard purposes, Organisations organisations) {
        this.interactions = interactions;
        this.purposes = purposes;
        this.organisations = organisations;
    }

    /** The people among these whose interactions may be read for customer groups, each read logged with {@code what}. */
    public Set<PersonKey> readable(Collection<PersonKey> persons, String what) {
        if (persons.isEmpty()) {
            return Set.of();
        }
        // No moment per person: privacy judges retention by each person's last activity.
        Map<PersonKey, Instant> unknownMoments = new HashMap<>();
        persons.forEach(person -> unknownMoments.put(person, null));
        return purposes.allowed(CustomerGroups.PURPOSE, unknownMoments, what);
    }

    /**
     * Each person's counts over their whole history, as attributes in the order they take effect (an empty list for a
     * person without interactions). The caller has found them {@link #readable}.
     */
    public Map<PersonKey, List<Attribute>> timelines(Collection<PersonKey> readable) {
        ZoneId zone = organisations.current().timeZone();
        Map<PersonKey, List<Attribute>> timelines = new LinkedHashMap<>();
        List<PersonKey> people = readable.stream().distinct().toList();
        for (List<PersonKey> slice : Slices.of(people, JdbcDerivedAttributes.SLICE)) {
            interactions.historiesOf(slice).forEach((person, history) -> timelines.put(person,
                    timeline(person, DerivedAttributes.of(history, touchpoint -> null, zone))));
        }
        return timelines;
    }

    /** A person's counts as attributes, from the values {@link DerivedAttributes#of} gave for their whole history. */
    static List<Attribute> timeline(PersonKey person, List<DerivedAttributes.Value> values) {
        return DerivedAttributes.counts(values).stream()
                .map(value -> new Attribute(person, value.name(), value.value(), value.from(), JdbcDerivedAttributes.sourceId(person, value)))
                .toList();
    }

    /**
     * Each person's counts at a moment, by name (a person whose interactions all lapsed has zeros; one who never had an
     * interaction has none). The caller has found them {@link #readable}.
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

    /** Merges a person's stored attributes with their counts in the order they take effect (stored first at a tie). */
    static List<Attribute> merged(List<Attribute> stored, List<Attribute> counts) {
        List<Attribute> all = new ArrayList<>(stored.size() + counts.size());
        all.addAll(stored);
        all.addAll(counts);
        // A stable sort: at one moment the stored values keep their order.
        all.sort(Comparator.comparing(Attribute::from));
        return all;
    }
}
