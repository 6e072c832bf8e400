package nl.buitenin.groups.internal;

import java.time.Instant;
import java.util.List;
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
        List<DerivedAttributes.Value> before = of(person);
        if (before.equals(values)) {
            return false;
        }
        jdbc.sql("delete from groups_attribute where person_key = :p and derived = true").param("p", person.value()).update();
        // One JDBC batch per person: a person with a long history has a hundred values or more, and the demo derives them
        // for every person at once (one statement per row made that step fifty times slower).
        List<Object[]> rows = new java.util.ArrayList<>(values.size());
        for (DerivedAttributes.Value value : values) {
            rows.add(new Object[] {UUID.randomUUID(), person.value(), value.name(), value.value(), JdbcMemberships.utc(value.from()),
                    sourceId(person, value), JdbcMemberships.utc(now)});
        }
        if (!rows.isEmpty()) {
            batches.batchUpdate("insert into groups_attribute (id, person_key, name, attr_value, valid_from, source_id, recorded_at, derived) "
                    + "values (?, ?, ?, ?, ?, ?, ?, true) on conflict do nothing", rows);
        }
        return true;
    }

    /** The person's derived attributes in the order they take effect. */
    public List<DerivedAttributes.Value> of(PersonKey person) {
        return jdbc.sql("select name, attr_value, valid_from from groups_attribute where person_key = :p and derived = true "
                + "order by valid_from, name").param("p", person.value())
                .query((rs, row) -> new DerivedAttributes.Value(rs.getString(1), rs.getString(2),
                        rs.getObject(3, java.time.OffsetDateTime.class).toInstant())).list();
    }

    /** The source id of a derived value: what it is, of whom and from when, so that it is stored once. */
    static String sourceId(PersonKey person, DerivedAttributes.Value value) {
        return "derived:" + value.name() + ":" + value.from().toEpochMilli() + ":" + person.value();
    }
}
