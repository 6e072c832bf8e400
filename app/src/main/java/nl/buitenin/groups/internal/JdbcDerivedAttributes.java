package nl.buitenin.groups.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

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

    JdbcDerivedAttributes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the person's derived attributes by these; true when anything changed. */
    public boolean replace(PersonKey person, List<DerivedAttributes.Value> values, Instant now) {
        List<DerivedAttributes.Value> before = of(person);
        if (before.equals(values)) {
            return false;
        }
        jdbc.sql("delete from groups_attribute where person_key = :p and derived = true").param("p", person.value()).update();
        for (DerivedAttributes.Value value : values) {
            jdbc.sql("insert into groups_attribute (id, person_key, name, attr_value, valid_from, source_id, recorded_at, derived) "
                    + "values (:id, :p, :name, :value, :from, :source, :now, true) on conflict do nothing")
                    .param("id", UUID.randomUUID()).param("p", person.value()).param("name", value.name()).param("value", value.value())
                    .param("from", JdbcMemberships.utc(value.from())).param("source", sourceId(person, value))
                    .param("now", JdbcMemberships.utc(now)).update();
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
