package nl.buitenin.journey.internal;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Repository;

import nl.buitenin.platform.Slices;
import nl.buitenin.journey.Channel;
import nl.buitenin.journey.DailyVolume;
import nl.buitenin.journey.InteractionKind;
import nl.buitenin.journey.Interactions;
import nl.buitenin.journey.ReasonedContact;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.privacy.ErasedText;
import nl.buitenin.privacy.PersonErased;
import nl.buitenin.privacy.PersonalDataErasure;
import nl.buitenin.privacy.PersonalDataTable;
import nl.buitenin.privacy.PersonKey;

@Repository
class JdbcInteractions implements Interactions, PersonalDataErasure {

    private final JdbcClient jdbc;

    JdbcInteractions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Instant> recentContacts(PersonKey person, Instant since) {
        return jdbc.sql("select occurred_at from interaction where person_key = :p and occurred_at >= :since order by occurred_at desc")
                .param("p", person.value()).param("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant())
                .list();
    }

    @Override
    public List<Occurred> historyOf(PersonKey person) {
        return historiesOf(List.of(person)).get(person);
    }

    @Override
    public Map<PersonKey, List<Occurred>> historiesOf(Collection<PersonKey> persons) {
        return historiesOf(persons, null);
    }

    @Override
    public Map<PersonKey, List<Occurred>> historiesOf(Collection<PersonKey> persons, @Nullable Instant since) {
        Map<PersonKey, List<Occurred>> histories = new LinkedHashMap<>();
        persons.forEach(p -> histories.put(p, new ArrayList<>()));
        List<String> keys = persons.stream().map(PersonKey::value).distinct().toList();
        // In slices of a few hundred people: one statement each, and no database's limit on the size of an in-list.
        for (List<String> slice : Slices.of(keys, HISTORY_SLICE)) {
            JdbcClient.StatementSpec statement = jdbc.sql("select person_key, source_id, touchpoint_id, kind, occurred_at from interaction "
                    + "where person_key in (:p) " + (since == null ? "" : "and occurred_at >= :since ") + "order by person_key, occurred_at, source_id")
                    .param("p", slice);
            if (since != null) {
                statement = statement.param("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
            }
            statement.query((rs, n) -> histories.get(new PersonKey(rs.getString(1))).add(new Occurred(rs.getString(2),
                            new TouchpointId(rs.getObject(3, UUID.class)), InteractionKind.valueOf(rs.getString(4)),
                            rs.getObject(5, OffsetDateTime.class).toInstant())))
                    .list();
        }
        return histories;
    }

    /** How many people's histories one statement reads at most. */
    private static final int HISTORY_SLICE = 500;

    @Override
    public List<ReasonedContact> reasonsOf(PersonKey person, Instant since, Instant until) {
        return jdbc.sql(REASONED + "where person_key = :p and occurred_at >= :since and occurred_at < :until and reason is not null "
                        + "order by occurred_at, source_id")
                .param("p", person.value()).param("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
                .param("until", OffsetDateTime.ofInstant(until, ZoneOffset.UTC))
                .query((rs, n) -> reasoned(rs)).list();
    }

    @Override
    public List<ReasonedContact> withReasons(Instant since, Instant until) {
        return jdbc.sql(REASONED + "where occurred_at >= :since and occurred_at < :until and reason is not null order by occurred_at, source_id")
                .param("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC)).param("until", OffsetDateTime.ofInstant(until, ZoneOffset.UTC))
                .query((rs, n) -> reasoned(rs)).list();
    }

    @Override
    public List<ReasonedContact> withReasons(Collection<String> sourceIds) {
        if (sourceIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(REASONED + "where source_id in (:ids) and reason is not null").param("ids", List.copyOf(sourceIds))
                .query((rs, n) -> reasoned(rs)).list();
    }

    private static final String REASONED = "select source_id, touchpoint_id, person_key, occurred_at, reason from interaction ";

    private static ReasonedContact reasoned(java.sql.ResultSet rs) throws java.sql.SQLException {
        String person = rs.getString(3);
        return new ReasonedContact(rs.getString(1), new TouchpointId(rs.getObject(2, UUID.class)), person == null ? null : new PersonKey(person),
                rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5));
    }

    @Override
    public Map<String, Instant> occurredAt(Collection<String> sourceIds) {
        Map<String, Instant> times = new HashMap<>();
        List<String> ids = List.copyOf(new java.util.LinkedHashSet<>(sourceIds));
        // In chunks: an IN list of tens of thousands of parameters is slow on H2 and limited on PostgreSQL's driver.
        for (int from = 0; from < ids.size(); from += 1000) {
            jdbc.sql("select source_id, occurred_at from interaction where source_id in (:ids)")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
                    .query((rs, n) -> times.put(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant())).list();
        }
        return times;
    }

    @Override
    public List<PersonKey> persons() {
        return jdbc.sql("select distinct person_key from interaction where person_key is not null order by person_key")
                .query((rs, n) -> new PersonKey(rs.getString(1))).list();
    }

    @Override
    public List<Moment> momentsOfPersons(Instant since, Instant until) {
        return jdbc.sql("select person_key, occurred_at from interaction where person_key is not null and occurred_at >= :since "
                        + "and occurred_at < :until order by occurred_at, source_id")
                .param("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC)).param("until", OffsetDateTime.ofInstant(until, ZoneOffset.UTC))
                .query((rs, n) -> new Moment(new PersonKey(rs.getString(1)), rs.getObject(2, OffsetDateTime.class).toInstant())).list();
    }

    @Override
    public List<Moment> purchasesOfPersons(Instant since, Instant until) {
        return jdbc.sql("select person_key, occurred_at from interaction where person_key is not null and kind = :kind "
                        + "and occurred_at >= :since and occurred_at < :until order by occurred_at, source_id")
                .param("kind", InteractionKind.PURCHASE.name())
                .param("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC)).param("until", OffsetDateTime.ofInstant(until, ZoneOffset.UTC))
                .query((rs, n) -> new Moment(new PersonKey(rs.getString(1)), rs.getObject(2, OffsetDateTime.class).toInstant())).list();
    }

    @Override
    public List<Moment> contactsOfPersons(Instant since, Instant until, Channel channel) {
        return jdbc.sql("select i.person_key, i.occurred_at from interaction i join touchpoint t on t.id = i.touchpoint_id "
                        + "where i.person_key is not null and i.kind = :kind and t.channel = :channel "
                        + "and i.occurred_at >= :since and i.occurred_at < :until order by i.occurred_at, i.source_id")
                .param("kind", InteractionKind.CONTACT.name()).param("channel", channel.name())
                .param("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC)).param("until", OffsetDateTime.ofInstant(until, ZoneOffset.UTC))
                .query((rs, n) -> new Moment(new PersonKey(rs.getString(1)), rs.getObject(2, OffsetDateTime.class).toInstant())).list();
    }

    @Override
    public Map<TouchpointId, Long> volumes(LocalDate from, LocalDate to) {
        Map<TouchpointId, Long> volumes = new LinkedHashMap<>();
        jdbc.sql("select touchpoint_id, sum(interactions) from interaction_day where local_day between :from and :to group by touchpoint_id")
                .param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query((rs, n) -> volumes.put(new TouchpointId(rs.getObject(1, UUID.class)), rs.getLong(2)))
                .list();
        return volumes;
    }

    @Override
    public List<DailyVolume> dailyVolumes(Collection<TouchpointId> touchpoints, LocalDate from, LocalDate to) {
        if (touchpoints.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select touchpoint_id, local_day, interactions from interaction_day where touchpoint_id in (:t) "
                        + "and local_day between :from and :to order by local_day, touchpoint_id")
                .param("t", touchpoints.stream().map(TouchpointId::value).toList())
                .param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query((rs, n) -> new DailyVolume(new TouchpointId(rs.getObject(1, UUID.class)),
                        rs.getObject(2, LocalDate.class), rs.getLong(3)))
                .list();
    }

    @Override
    public List<PersonalDataTable> erases() {
        return List.of(PersonalDataTable.keyed("interaction", "person_key", "reason"));
    }

    /**
     * A forgotten person's interactions stay as anonymous counts with their reasons (what people contact about is
     * what failure demand is counted from): the key goes, and every direct identifier goes from the reasons of their
     * own contacts; any other contact's reason that mentions them loses their identifiers.
     */
    @ApplicationModuleListener
    void forget(PersonErased erased) {
        ErasedText text = new ErasedText(jdbc, erased);
        text.scrubOwn("interaction", List.of("source_id"), "reason", "person_key = :person");
        text.scrubMentions("interaction", List.of("source_id"), "reason");
        jdbc.sql("update interaction set person_key = null where person_key = :p").param("p", erased.person().value()).update();
    }
}
