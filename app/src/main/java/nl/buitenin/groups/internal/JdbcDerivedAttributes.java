package nl.buitenin.groups.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.buitenin.privacy.PersonKey;

/**
 * The derived attributes of {@code groups_attribute} (marked {@code derived}): a person's are replaced as a whole when
 * their interactions change, and never touch the attributes other systems sent.
 */
@Repository
public class JdbcDerivedAttributes {

    private final JdbcClient jdbc;
    private final JdbcOperations batches;

    JdbcDerivedAttributes(JdbcClient jdbc, JdbcOperations batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /** Replaces the person's derived attributes by these; true when anything changed. */
    public boolean replace(PersonKey person, List<DerivedAttributes.Value> values, Instant now) {
        return !replaceAll(Map.of(person, values), now).isEmpty();
    }

    /**
     * Replaces each person's derived attributes by theirs where they differ from what is stored; returns the people whose
     * attributes changed, in the order given. A few statements per few hundred people: one read, one delete, and one
     * JDBC batch of inserts (an event of interactions has thousands of people, a person with a long history a hundred
     * values or more).
     */
    public Set<PersonKey> replaceAll(Map<PersonKey, List<DerivedAttributes.Value>> values, Instant now) {
        Set<PersonKey> changed = new LinkedHashSet<>();
        List<PersonKey> persons = new ArrayList<>(values.keySet());
        for (int start = 0; start < persons.size(); start += SLICE) {
            List<PersonKey> slice = persons.subList(start, Math.min(persons.size(), start + SLICE));
            Map<PersonKey, List<DerivedAttributes.Value>> before = ofAll(slice);
            List<PersonKey> replaced = slice.stream().filter(p -> !before.get(p).equals(values.get(p))).toList();
            if (replaced.isEmpty()) {
                continue;
            }
            jdbc.sql("delete from groups_attribute where derived = true and person_key in (:p)")
                    .param("p", replaced.stream().map(PersonKey::value).toList()).update();
            List<Object[]> rows = new ArrayList<>();
            for (PersonKey person : replaced) {
                for (DerivedAttributes.Value value : values.get(person)) {
                    rows.add(new Object[] {UUID.randomUUID(), person.value(), value.name(), value.value(), JdbcMemberships.utc(value.from()),
                            sourceId(person, value), JdbcMemberships.utc(now)});
                }
            }
            if (!rows.isEmpty()) {
                batches.batchUpdate("insert into groups_attribute (id, person_key, name, attr_value, valid_from, source_id, recorded_at, derived) "
                        + "values (?, ?, ?, ?, ?, ?, ?, true) on conflict do nothing", rows);
            }
            changed.addAll(replaced);
        }
        return changed;
    }

    /** The person's derived attributes in the order they take effect. */
    public List<DerivedAttributes.Value> of(PersonKey person) {
        return ofAll(List.of(person)).get(person);
    }

    /** {@link #of} for each of these people (an empty list for one without), read a few hundred people per statement. */
    public Map<PersonKey, List<DerivedAttributes.Value>> ofAll(Collection<PersonKey> persons) {
        Map<PersonKey, List<DerivedAttributes.Value>> values = new LinkedHashMap<>();
        persons.forEach(p -> values.put(p, new ArrayList<>()));
        List<String> keys = persons.stream().map(PersonKey::value).distinct().toList();
        for (int start = 0; start < keys.size(); start += SLICE) {
            jdbc.sql("select person_key, name, attr_value, valid_from from groups_attribute where person_key in (:p) and derived = true "
                    + "order by person_key, valid_from, name").param("p", new ArrayList<>(keys.subList(start, Math.min(keys.size(), start + SLICE))))
                    .query((rs, row) -> values.get(new PersonKey(rs.getString(1))).add(new DerivedAttributes.Value(rs.getString(2),
                            rs.getString(3), rs.getObject(4, java.time.OffsetDateTime.class).toInstant()))).list();
        }
        return values;
    }

    /** How many people one statement reads or deletes at most: few statements, and no database's in-list limit reached. */
    static final int SLICE = 500;

    /** The source id of a derived value: what it is, of whom and from when, so that it is stored once. */
    static String sourceId(PersonKey person, DerivedAttributes.Value value) {
        return "derived:" + value.name() + ":" + value.from().toEpochMilli() + ":" + person.value();
    }
}
