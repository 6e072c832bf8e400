package nl.buitenin.groups.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.buitenin.platform.Slices;
import nl.buitenin.privacy.PersonKey;

/** Attributes of persons with the moment each holds from, in {@code groups_attribute}; a source id is stored once. */
@Repository
public class JdbcAttributes {

    private final JdbcClient jdbc;

    JdbcAttributes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the attribute unless its source id is there already; true when it was stored. */
    public boolean add(Attribute attribute, Instant now) {
        return jdbc.sql("insert into groups_attribute (id, person_key, name, attr_value, valid_from, source_id, recorded_at) "
                + "values (:id, :p, :name, :value, :from, :source, :now) on conflict do nothing")
                .param("id", UUID.randomUUID()).param("p", attribute.person().value()).param("name", attribute.name())
                .param("value", attribute.value()).param("from", JdbcMemberships.utc(attribute.from())).param("source", attribute.sourceId())
                .param("now", JdbcMemberships.utc(now)).update() > 0;
    }

    /** The person's attributes in the order they took effect (ties in the order they were recorded). */
    public List<Attribute> of(PersonKey person) {
        return ofAll(List.of(person)).get(person);
    }

    /** {@link #of} for each of these people (an empty list for one without), read a few hundred people per statement. */
    public Map<PersonKey, List<Attribute>> ofAll(Collection<PersonKey> persons) {
        Map<PersonKey, List<Attribute>> timelines = new LinkedHashMap<>();
        persons.forEach(p -> timelines.put(p, new ArrayList<>()));
        List<String> keys = persons.stream().map(PersonKey::value).distinct().toList();
        for (List<String> slice : Slices.of(keys, SLICE)) {
            jdbc.sql("select person_key, name, attr_value, valid_from, source_id from groups_attribute where person_key in (:p) "
                    + "order by person_key, valid_from, recorded_at, source_id")
                    .param("p", slice)
                    .query((rs, row) -> new Attribute(new PersonKey(rs.getString(1)), rs.getString(2), rs.getString(3),
                            rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5))).list()
                    .forEach(a -> timelines.get(a.person()).add(a));
        }
        return timelines;
    }

    /** How many people one statement reads at most: few statements, and no database's in-list limit reached. */
    static final int SLICE = 500;

    /** Everybody with at least one attribute, for evaluating a new or changed rule. */
    public List<PersonKey> persons() {
        return jdbc.sql("select distinct person_key from groups_attribute order by person_key").query((rs, row) -> new PersonKey(rs.getString(1))).list();
    }

    public int forget(PersonKey person) {
        return jdbc.sql("delete from groups_attribute where person_key = :p").param("p", person.value()).update();
    }

    /** Past retention: a value that a later value of the same attribute replaced before the cutoff goes; the current value stays. */
    public int forgetReplacedBefore(Instant cutoff) {
        return jdbc.sql("delete from groups_attribute where exists (select 1 from groups_attribute later where later.person_key = "
                + "groups_attribute.person_key and later.name = groups_attribute.name and later.valid_from > groups_attribute.valid_from "
                + "and later.valid_from < :cutoff)").param("cutoff", JdbcMemberships.utc(cutoff)).update();
    }
}
