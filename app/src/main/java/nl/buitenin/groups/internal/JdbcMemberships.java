package nl.buitenin.groups.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.buitenin.groups.CustomerGroups;
import nl.buitenin.groups.GroupId;
import nl.buitenin.privacy.PersonKey;

/**
 * Memberships with their history, in {@code groups_membership}. A person's memberships of one group never overlap, nor
 * do those of groups of one split: joining a group at a moment ends, at that moment, the membership that was open then,
 * and a membership given for the past ends where the person's later history in the split begins.
 */
@Repository
public class JdbcMemberships implements CustomerGroups {

    private static final String COLUMNS = "id, group_id, person_key, valid_from, valid_to, origin, source_id";

    private final JdbcClient jdbc;
    private final JdbcOperations batches;

    JdbcMemberships(JdbcClient jdbc, JdbcOperations batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /** What became of a join. */
    public enum Outcome {
        /** A membership was stored. */
        JOINED,
        /** The source id was taken already, or the person was a member of the group at that moment already. */
        UNCHANGED
    }

    /**
     * Puts the person in the group from {@code from} (to {@code to}, or open), ending their membership of any other group
     * of the same split at that moment.
     *
     * @param splitGroups the group itself and the groups of its split
     */
    public Outcome join(GroupId group, Collection<GroupId> splitGroups, PersonKey person, Instant from, @Nullable Instant to,
            Membership.Origin origin, @Nullable String sourceId, Instant now) {
        if (sourceId != null && jdbc.sql("select count(*) from groups_membership where source_id = :s").param("s", sourceId)
                .query(Long.class).single() > 0) {
            return Outcome.UNCHANGED;
        }
        List<Membership> history = of(person).stream().filter(m -> splitGroups.contains(m.group())).toList();
        for (Membership m : history) {
            if (m.group().equals(group) && m.covers(from) && (m.to() == null || to != null && !to.isAfter(m.to()))) {
                return Outcome.UNCHANGED;
            }
        }
        Instant end = to;
        for (Membership m : history) {
            if (m.covers(from) && m.from().isBefore(from)) {
                jdbc.sql("update groups_membership set valid_to = :to where id = :id").param("to", utc(from)).param("id", m.id()).update();
            } else if (!m.from().isBefore(from) && (end == null || m.from().isBefore(end))) {
                end = m.from();
            }
        }
        if (end != null && !end.isAfter(from)) {
            return Outcome.UNCHANGED;
        }
        insert(group, person, from, end, origin, sourceId, now);
        return Outcome.JOINED;
    }

    /** Ends the person's membership of the group that is open at {@code at}; false when there was none. */
    public boolean leave(GroupId group, PersonKey person, Instant at) {
        return jdbc.sql("update groups_membership set valid_to = :at where group_id = :g and person_key = :p and valid_from < :at "
                + "and (valid_to is null or valid_to > :at)").param("at", utc(at)).param("g", group.value()).param("p", person.value())
                .update() > 0;
    }

    void insert(GroupId group, PersonKey person, Instant from, @Nullable Instant to, Membership.Origin origin, @Nullable String sourceId,
            Instant now) {
        jdbc.sql("insert into groups_membership (" + COLUMNS + ", recorded_at) values (:id, :g, :p, :from, :to, :origin, :source, :now)")
                .param("id", UUID.randomUUID()).param("g", group.value()).param("p", person.value()).param("from", utc(from))
                .param("to", to == null ? null : utc(to)).param("origin", origin.name()).param("source", sourceId)
                .param("now", utc(now)).update();
    }

    /** Replaces the memberships a rule made for the person in the group by these intervals (from, to or null). */
    void replaceRuleMemberships(GroupId group, PersonKey person, List<Instant[]> intervals, Instant now) {
        replaceRuleMemberships(List.of(group), List.of(person), List.of(new RuleStretches(group, person, intervals)), now);
    }

    /** The stretches [from, to or null) in which a group's rule holds for a person. */
    record RuleStretches(GroupId group, PersonKey person, List<Instant[]> intervals) {
    }

    /**
     * Replaces the memberships the rules of these groups made for these people by the given stretches (a group and person
     * without any loses theirs): one delete and one JDBC batch of inserts, instead of a few statements per person and
     * group. The caller keeps the lists to a few hundred people.
     */
    void replaceRuleMemberships(Collection<GroupId> groups, Collection<PersonKey> persons, List<RuleStretches> stretches, Instant now) {
        if (groups.isEmpty() || persons.isEmpty()) {
            return;
        }
        jdbc.sql("delete from groups_membership where origin = 'RULE' and group_id in (:g) and person_key in (:p)")
                .param("g", groups.stream().map(GroupId::value).distinct().toList())
                .param("p", persons.stream().map(PersonKey::value).distinct().toList()).update();
        List<Object[]> rows = new ArrayList<>();
        for (RuleStretches stretch : stretches) {
            for (Instant[] interval : stretch.intervals()) {
                rows.add(new Object[] {UUID.randomUUID(), stretch.group().value(), stretch.person().value(), utc(interval[0]),
                        interval[1] == null ? null : utc(interval[1]), Membership.Origin.RULE.name(), null, utc(now)});
            }
        }
        if (!rows.isEmpty()) {
            batches.batchUpdate("insert into groups_membership (" + COLUMNS + ", recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?)", rows);
        }
    }

    /**
     * The stretches the rules of these groups made for these people, by group and person, oldest first (a group and
     * person without any are absent). A few hundred people per call, as the caller keeps them.
     */
    Map<GroupId, Map<PersonKey, List<Instant[]>>> ruleStretches(Collection<GroupId> groups, Collection<PersonKey> persons) {
        Map<GroupId, Map<PersonKey, List<Instant[]>>> stretches = new HashMap<>();
        if (groups.isEmpty() || persons.isEmpty()) {
            return stretches;
        }
        jdbc.sql("select " + COLUMNS + " from groups_membership where origin = 'RULE' and group_id in (:g) and person_key in (:p) "
                + "order by valid_from, id")
                .param("g", groups.stream().map(GroupId::value).distinct().toList())
                .param("p", persons.stream().map(PersonKey::value).distinct().toList())
                .query(JdbcMemberships::membership).list()
                .forEach(m -> stretches.computeIfAbsent(m.group(), g -> new HashMap<>()).computeIfAbsent(m.person(), p -> new ArrayList<>())
                        .add(new Instant[] {m.from(), m.to()}));
        return stretches;
    }

    /** Every membership of the person, oldest first. */
    public List<Membership> of(PersonKey person) {
        return jdbc.sql("select " + COLUMNS + " from groups_membership where person_key = :p order by valid_from, id")
                .param("p", person.value()).query(JdbcMemberships::membership).list();
    }

    @Override
    public Set<GroupId> of(PersonKey person, Instant at) {
        Set<GroupId> groups = new HashSet<>();
        of(person).stream().filter(m -> m.covers(at)).forEach(m -> groups.add(m.group()));
        return groups;
    }

    /** Every membership that overlaps [from, to), by person, each person's oldest first. */
    public Map<PersonKey, List<Membership>> during(Instant from, Instant to) {
        Map<PersonKey, List<Membership>> byPerson = new HashMap<>();
        jdbc.sql("select " + COLUMNS + " from groups_membership where valid_from < :to and (valid_to is null or valid_to > :from) "
                + "order by person_key, valid_from").param("from", utc(from)).param("to", utc(to)).query(JdbcMemberships::membership)
                .list().forEach(m -> byPerson.computeIfAbsent(m.person(), p -> new ArrayList<>()).add(m));
        return byPerson;
    }

    /** The earliest start of a membership of any of the groups; empty when they have none. */
    public Optional<Instant> firstStart(Collection<GroupId> groups) {
        List<OffsetDateTime> first = jdbc.sql("select min(valid_from) from groups_membership where group_id in (:groups)")
                .param("groups", groups.stream().map(GroupId::value).toList())
                .query((rs, row) -> rs.getObject(1, OffsetDateTime.class)).list();
        return first.isEmpty() || first.get(0) == null ? Optional.empty() : Optional.of(first.get(0).toInstant());
    }

    /** Per group the number of people in it at {@code at}. */
    public Map<GroupId, Long> sizes(Instant at) {
        Map<GroupId, Long> sizes = new HashMap<>();
        jdbc.sql("select group_id, count(distinct person_key) from groups_membership where valid_from <= :at "
                + "and (valid_to is null or valid_to > :at) group by group_id").param("at", utc(at))
                .query((rs, row) -> Map.entry(new GroupId(rs.getObject(1, UUID.class)), rs.getLong(2))).list()
                .forEach(e -> sizes.put(e.getKey(), e.getValue()));
        return sizes;
    }

    /** Forgets the person: all their memberships go (the groups' figures are counted from memberships, so nothing is left). */
    public int forget(PersonKey person) {
        return jdbc.sql("delete from groups_membership where person_key = :p").param("p", person.value()).update();
    }

    /** Past retention: memberships that ended before the cutoff go. */
    public int forgetEndedBefore(Instant cutoff) {
        return jdbc.sql("delete from groups_membership where valid_to is not null and valid_to < :cutoff").param("cutoff", utc(cutoff)).update();
    }

    public Optional<Membership> byId(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from groups_membership where id = :id").param("id", id).query(JdbcMemberships::membership).optional();
    }

    static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static Membership membership(ResultSet rs, int row) throws SQLException {
        OffsetDateTime to = rs.getObject("valid_to", OffsetDateTime.class);
        return new Membership(rs.getObject("id", UUID.class), new GroupId(rs.getObject("group_id", UUID.class)),
                new PersonKey(rs.getString("person_key")), rs.getObject("valid_from", OffsetDateTime.class).toInstant(),
                to == null ? null : to.toInstant(), Membership.Origin.valueOf(rs.getString("origin")), rs.getString("source_id"));
    }
}
