package nl.buitenin.groups.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.buitenin.platform.Slices;
import nl.buitenin.platform.BulkInsert;
import nl.buitenin.privacy.PersonKey;

/**
 * The derived attributes of {@code groups_attribute} (marked {@code derived}): when a person's interactions change, their
 * stored values become the newly derived ones (only the values that differ are written), and never touch the
 * attributes other systems sent.
 */
@Repository
public class JdbcDerivedAttributes {

    private final JdbcClient jdbc;
    private final JdbcOperations batches;
    private final JdbcAttributes attributes;

    JdbcDerivedAttributes(JdbcClient jdbc, JdbcOperations batches, JdbcAttributes attributes) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.attributes = attributes;
    }

    /** Replaces the person's derived attributes by these; true when anything changed. */
    public boolean replace(PersonKey person, List<DerivedAttributes.Value> values, Instant now) {
        return !replaceAll(Map.of(person, values), now).isEmpty();
    }

    /**
     * Replaces each person's derived attributes by theirs where they differ from what is stored; returns the people whose
     * attributes changed, in the order given. {@link #replaceFrom} from the beginning of time.
     */
    public Set<PersonKey> replaceAll(Map<PersonKey, List<DerivedAttributes.Value>> values, Instant now) {
        Map<PersonKey, Instant> always = new LinkedHashMap<>();
        values.keySet().forEach(person -> always.put(person, Instant.MIN));
        return replaceFrom(always, (person, before) -> values.get(person), now);
    }

    /**
     * Replaces each person's derived values from their moment in {@code since} on (included) by those {@code derive}
     * gives for them, where they differ from what is stored, and keeps the values before that moment; returns the people
     * whose attributes changed, in the order given. {@code derive} is called once per person with the stored values in
     * effect just before the person's moment (by name) and returns the values from that moment on.
     * <p>
     * Only the values that differ are written: a stored value that is no longer among a person's is deleted, a new one
     * inserted, and the rest stay as they are. A new interaction changes a few of a person's values (its own counts and
     * channel, and the lapses of the year before it), while a person with a long history has a hundred values or more;
     * rewriting them all was most of the time of HTTP ingestion at five million interactions (measured in the scale
     * benchmark). A few statements per few hundred people: one read, one delete and one insert ({@link #INSERT}).
     */
    public Set<PersonKey> replaceFrom(Map<PersonKey, Instant> since,
            BiFunction<PersonKey, Map<String, String>, List<DerivedAttributes.Value>> derive, Instant now) {
        return replaceFrom(since, derive, now, false).changed();
    }

    /**
     * What {@link #replaceFrom(Map, BiFunction, Instant, boolean)} left: the people whose derived values changed, and each
     * person's rows as they are now, in the order they take effect (all of their attributes, or only the derived ones).
     */
    public record Replaced(Set<PersonKey> changed, Map<PersonKey, List<JdbcAttributes.Stored>> rows) {
    }

    /**
     * {@link #replaceFrom(Map, BiFunction, Instant)}, also telling each person's rows as they are after the change: with
     * {@code allRows} every attribute of theirs (the sent ones too), read in the same statement as the derived ones, so
     * that the rule groups evaluated next need not read them again (two reads of the same rows were 18 % of the
     * database's time in the journey benchmark with a rule active). The rows written are told as the database keeps
     * them: {@code now} to the microsecond.
     */
    public Replaced replaceFrom(Map<PersonKey, Instant> since,
            BiFunction<PersonKey, Map<String, String>, List<DerivedAttributes.Value>> derive, Instant now, boolean allRows) {
        Set<PersonKey> changed = new LinkedHashSet<>();
        Map<PersonKey, List<JdbcAttributes.Stored>> after = new LinkedHashMap<>();
        Instant recorded = now.truncatedTo(ChronoUnit.MICROS);
        for (List<PersonKey> slice : Slices.of(new ArrayList<>(since.keySet()), SLICE)) {
            Map<PersonKey, List<JdbcAttributes.Stored>> stored = attributes.rowsOf(slice, !allRows);
            List<UUID> gone = new ArrayList<>();
            List<JdbcAttributes.Stored> rows = new ArrayList<>();
            for (PersonKey person : slice) {
                Instant from = since.get(person);
                Map<String, String> before = new HashMap<>();
                List<Held> replaced = new ArrayList<>();
                // Stored in the order they take effect: the last one of a name before the moment is the one in effect.
                for (JdbcAttributes.Stored row : stored.get(person)) {
                    if (!row.derived()) {
                        continue;
                    }
                    Attribute attribute = row.attribute();
                    if (attribute.from().isBefore(from)) {
                        before.put(attribute.name(), attribute.value());
                    } else {
                        replaced.add(new Held(row.id(), new DerivedAttributes.Value(attribute.name(), attribute.value(), attribute.from())));
                    }
                }
                Difference difference = Difference.between(replaced, derive.apply(person, before));
                if (difference.isEmpty()) {
                    after.put(person, stored.get(person));
                    continue;
                }
                List<JdbcAttributes.Stored> added = difference.added().stream()
                        .map(value -> new JdbcAttributes.Stored(UUID.randomUUID(), attribute(person, value), recorded, true)).toList();
                gone.addAll(difference.gone());
                rows.addAll(added);
                after.put(person, changedRows(stored.get(person), difference.gone(), added));
                changed.add(person);
            }
            // Deleted first: a value that changed at the same moment keeps its source id.
            for (List<UUID> ids : Slices.of(gone, SLICE)) {
                jdbc.sql("delete from groups_attribute where id in (:ids)").param("ids", ids).update();
            }
            INSERT.write(batches, rows);
        }
        return new Replaced(changed, after);
    }

    /** A person's rows after deleting {@code gone} and adding {@code added}, in the order they take effect. */
    static List<JdbcAttributes.Stored> changedRows(List<JdbcAttributes.Stored> rows, Collection<UUID> gone, List<JdbcAttributes.Stored> added) {
        Set<UUID> deleted = new HashSet<>(gone);
        List<JdbcAttributes.Stored> after = new ArrayList<>(rows.size() + added.size());
        rows.stream().filter(row -> !deleted.contains(row.id())).forEach(after::add);
        // Among themselves the added rows differ only in name and moment: their source ids order them as the database does.
        added.stream().sorted(Comparator.comparing((JdbcAttributes.Stored row) -> row.attribute().sourceId())).forEach(after::add);
        after.sort(JdbcAttributes.IN_EFFECT);
        return after;
    }

    /** A derived value as an attribute of the person, with its source id. */
    static Attribute attribute(PersonKey person, DerivedAttributes.Value value) {
        return new Attribute(person, value.name(), value.value(), value.from(), sourceId(person, value));
    }

    /** A stored derived value and its row's id. */
    private record Held(UUID id, DerivedAttributes.Value value) {
    }

    /** What turns a person's stored values into the new ones: the rows to delete and the values to insert. */
    record Difference(List<UUID> gone, List<DerivedAttributes.Value> added) {

        boolean isEmpty() {
            return gone.isEmpty() && added.isEmpty();
        }

        /** Matched as multisets: a value stored twice and wanted once loses one of its rows. */
        private static Difference between(List<Held> stored, List<DerivedAttributes.Value> wanted) {
            Map<DerivedAttributes.Value, Integer> unmatched = new java.util.HashMap<>();
            wanted.forEach(value -> unmatched.merge(value, 1, Integer::sum));
            List<UUID> gone = new ArrayList<>();
            for (Held row : stored) {
                if (!take(unmatched, row.value())) {
                    gone.add(row.id());
                }
            }
            List<DerivedAttributes.Value> added = new ArrayList<>();
            for (DerivedAttributes.Value value : wanted) {
                if (take(unmatched, value)) {
                    added.add(value);
                }
            }
            return new Difference(gone, added);
        }

        /** Takes one of {@code value} out of the multiset; false when none was left. */
        private static boolean take(Map<DerivedAttributes.Value, Integer> multiset, DerivedAttributes.Value value) {
            Integer left = multiset.get(value);
            if (left == null) {
                return false;
            }
            if (left == 1) {
                multiset.remove(value);
            } else {
                multiset.put(value, left - 1);
            }
            return true;
        }
    }

    /**
     * All of a slice's new values in one statement on PostgreSQL ({@link BulkInsert}): as a JDBC batch of single-row
     * inserts this was most of the time of HTTP ingestion at 50 million interactions (a few values for each of the
     * thousands of people of an event). A value stored already (its source id) is left as it is.
     */
    private static final BulkInsert<JdbcAttributes.Stored> INSERT = BulkInsert.<JdbcAttributes.Stored>into("groups_attribute")
            .column("id", BulkInsert.Type.UUID, JdbcAttributes.Stored::id)
            .column("person_key", BulkInsert.Type.TEXT, r -> r.attribute().person().value())
            .column("name", BulkInsert.Type.TEXT, r -> r.attribute().name())
            .column("attr_value", BulkInsert.Type.TEXT, r -> r.attribute().value())
            .column("valid_from", BulkInsert.Type.TIMESTAMP, r -> r.attribute().from())
            .column("source_id", BulkInsert.Type.TEXT, r -> r.attribute().sourceId())
            .column("recorded_at", BulkInsert.Type.TIMESTAMP, JdbcAttributes.Stored::recordedAt)
            .column("derived", BulkInsert.Type.BOOLEAN, r -> Boolean.TRUE)
            .ifAbsent("id");

    /** The person's derived attributes in the order they take effect. */
    public List<DerivedAttributes.Value> of(PersonKey person) {
        return ofAll(List.of(person)).get(person);
    }

    /** {@link #of} for each of these people (an empty list for one without), read a few hundred people per statement. */
    public Map<PersonKey, List<DerivedAttributes.Value>> ofAll(Collection<PersonKey> persons) {
        Map<PersonKey, List<DerivedAttributes.Value>> values = new LinkedHashMap<>();
        attributes.rowsOf(persons, true).forEach((person, rows) -> values.put(person, rows.stream().map(JdbcAttributes.Stored::attribute)
                .map(a -> new DerivedAttributes.Value(a.name(), a.value(), a.from())).toList()));
        return values;
    }

    /** How many people one statement reads or deletes at most: few statements, and no database's in-list limit reached. */
    static final int SLICE = 500;

    /** The source id of a derived value: what it is, of whom and from when, so that it is stored once. */
    static String sourceId(PersonKey person, DerivedAttributes.Value value) {
        return "derived:" + value.name() + ":" + value.from().toEpochMilli() + ":" + person.value();
    }
}
