package nl.buitenin.groups.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
 * Keeps the attributes derived from interactions ({@link DerivedAttributes}) up to date: when journey records
 * interactions ({@link InteractionsRecorded}, one event per batch), each person's attributes are computed again from
 * their whole interaction history (read through journey's {@link Interactions}, under the purpose "customer groups",
 * each person's read logged; a few hundred people per statement), stored in the attribute store marked derived, and the rule groups evaluated again for
 * those whose attributes changed — as for attributes sent through the API. Computing again from the history makes it
 * idempotent: an event handled twice, or an interaction sent late for the past, gives the same rows.
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
        Map<PersonKey, Instant> latest = new HashMap<>();
        recorded.interactions().stream().filter(i -> i.person() != null)
                .forEach(i -> latest.merge(i.person(), i.at(), (a, b) -> a.isAfter(b) ? a : b));
        derive(latest);
    }

    /**
     * Computes the derived attributes of these people again (each with the moment of their latest interaction, for the
     * purpose's retention); returns how many people's attributes changed.
     */
    @Transactional
    public int derive(Map<PersonKey, Instant> persons) {
        if (persons.isEmpty()) {
            return 0;
        }
        Set<PersonKey> allowed = purposes.allowed(CustomerGroups.PURPOSE, persons, "interactions for derived attributes");
        ZoneId zone = organisations.current().timeZone();
        Map<TouchpointId, Optional<DerivedAttributes.Place>> places = new HashMap<>();
        Instant now = clock.instant();
        Collection<PersonKey> changed = new LinkedHashSet<>();
        List<PersonKey> readable = persons.keySet().stream().filter(allowed::contains).toList();
        // A few hundred people at a time, each step for all of them at once: an event of thousands of people then costs a
        // few statements per slice instead of several per person.
        for (int start = 0; start < readable.size(); start += JdbcDerivedAttributes.SLICE) {
            List<PersonKey> slice = readable.subList(start, Math.min(readable.size(), start + JdbcDerivedAttributes.SLICE));
            Map<PersonKey, List<Interactions.Occurred>> histories = interactions.historiesOf(slice);
            Map<PersonKey, List<DerivedAttributes.Value>> values = new LinkedHashMap<>();
            for (PersonKey person : slice) {
                values.put(person, DerivedAttributes.of(histories.get(person), t -> places.computeIfAbsent(t, this::place).orElse(null), zone));
            }
            changed.addAll(derived.replaceAll(values, now));
        }
        rules.evaluate(changed);
        return changed.size();
    }

    private Optional<DerivedAttributes.Place> place(TouchpointId id) {
        return touchpoints.byId(id).flatMap((Touchpoint t) -> journeys.byId(t.journey())
                .map((Journey j) -> new DerivedAttributes.Place(t.channel(), j.nameNl())));
    }
}
