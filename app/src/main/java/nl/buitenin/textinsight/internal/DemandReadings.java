package nl.buitenin.textinsight.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.buitenin.insight.ShareCount;
import nl.buitenin.insight.text.DemandReading;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.privacy.PersonKey;

/**
 * The one writer of {@code textinsight_demand}: how each contact with a reason was read (value or failure demand). A
 * contact read before is left as it was, so a replayed event adds nothing.
 */
@Repository
public class DemandReadings {

    /**
     * A contact's reading, with where and when the contact was; {@code contact} is the random id the contact gets when it
     * is read (theme tags on its reason are keyed by it), kept only when the contact was not read before.
     */
    public record Read(UUID contact, String sourceRef, @Nullable PersonKey person, TouchpointId touchpoint, Instant at,
            DemandReading reading) {

        /** A reading of a contact read now for the first time, with a new id. */
        public Read(String sourceRef, @Nullable PersonKey person, TouchpointId touchpoint, Instant at, DemandReading reading) {
            this(UUID.randomUUID(), sourceRef, person, touchpoint, at, reading);
        }
    }

    /** A read contact as a theme tag on its reason needs it: which contact, whose, when and where. No text. */
    public record Contact(UUID contact, String sourceRef, @Nullable PersonKey person, TouchpointId touchpoint, Instant at) {
    }

    /** A stored reading, for the person's export. */
    public record Stored(String sourceRef, TouchpointId touchpoint, Instant at, String demand, @Nullable String failureKind) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    DemandReadings(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Stores the readings of contacts not read before; returns those that were new (a contact read before keeps its id). */
    public List<Read> add(List<Read> readings) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<Read> added = new ArrayList<>();
        for (Read read : readings) {
            if (jdbc.sql("insert into textinsight_demand (source_ref, contact_id, person_key, touchpoint_id, happened_at, demand, "
                            + "failure_kind, read_at) values (:ref, :contact, :person, :touchpoint, :at, :demand, :kind, :now) "
                            + "on conflict do nothing")
                    .param("ref", read.sourceRef()).param("contact", read.contact())
                    .param("person", read.person() == null ? null : read.person().value())
                    .param("touchpoint", read.touchpoint().value()).param("at", OffsetDateTime.ofInstant(read.at(), ZoneOffset.UTC))
                    .param("demand", read.reading().type().code())
                    .param("kind", read.reading().kind() == null ? null : read.reading().kind().code())
                    .param("now", now).update() == 1) {
                added.add(read);
            }
        }
        return added;
    }

    /** The read contact with this id; empty for an unknown one. */
    public Optional<Contact> contact(UUID contact) {
        return jdbc.sql("select contact_id, source_ref, person_key, touchpoint_id, happened_at from textinsight_demand where contact_id = :c")
                .param("c", contact).query((rs, n) -> contact(rs)).optional();
    }

    /** The read contacts with these source refs (at most a few hundred at a time), by source ref. */
    public Map<String, Contact> contacts(Collection<String> sourceRefs) {
        Map<String, Contact> found = new HashMap<>();
        if (sourceRefs.isEmpty()) {
            return found;
        }
        jdbc.sql("select contact_id, source_ref, person_key, touchpoint_id, happened_at from textinsight_demand where source_ref in (:refs)")
                .param("refs", List.copyOf(sourceRefs)).query((rs, n) -> contact(rs)).list()
                .forEach(c -> found.put(c.sourceRef(), c));
        return found;
    }

    /** The read contacts with these ids (at most a few hundred at a time), by id. */
    public Map<UUID, Contact> byIds(Collection<UUID> contacts) {
        Map<UUID, Contact> found = new HashMap<>();
        if (contacts.isEmpty()) {
            return found;
        }
        jdbc.sql("select contact_id, source_ref, person_key, touchpoint_id, happened_at from textinsight_demand where contact_id in (:ids)")
                .param("ids", List.copyOf(contacts)).query((rs, n) -> contact(rs)).list()
                .forEach(c -> found.put(c.contact(), c));
        return found;
    }

    private static Contact contact(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Contact(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3) == null ? null : new PersonKey(rs.getString(3)),
                new TouchpointId(rs.getObject(4, UUID.class)), rs.getObject(5, OffsetDateTime.class).toInstant());
    }

    /** Whether the contact has been read already (a replayed event). */
    public boolean has(String sourceRef) {
        return jdbc.sql("select count(*) from textinsight_demand where source_ref = :ref").param("ref", sourceRef).query(Long.class).single() > 0;
    }

    /** Per touchpoint, the contacts read as failure demand and all contacts read, of the days {@code from}..{@code to}. */
    public Map<TouchpointId, ShareCount> failureShares(LocalDate from, LocalDate to, ZoneId zone) {
        Map<TouchpointId, ShareCount> counts = new HashMap<>();
        jdbc.sql("select touchpoint_id, sum(case when demand = 'failure' then 1 else 0 end), count(*) from textinsight_demand "
                        + "where happened_at >= :from and happened_at < :to group by touchpoint_id")
                .param("from", from.atStartOfDay(zone).toOffsetDateTime()).param("to", to.plusDays(1).atStartOfDay(zone).toOffsetDateTime())
                .query((rs, n) -> counts.put(new TouchpointId(rs.getObject(1, UUID.class)), new ShareCount(rs.getLong(2), rs.getLong(3))))
                .list();
        return counts;
    }

    /** A stored reading for the figures: no text, the person only to count people and to read the reason under a purpose. */
    public record Row(String sourceRef, @Nullable PersonKey person, TouchpointId touchpoint, Instant at, boolean failure,
            @Nullable String failureKind, UUID contact) {

        public boolean repeat() {
            return "repeating".equals(failureKind);
        }
    }

    /** The readings of contacts on the days {@code from}..{@code to} (the organisation's days), oldest first. */
    public List<Row> rows(LocalDate from, LocalDate to, ZoneId zone) {
        return jdbc.sql("select source_ref, person_key, touchpoint_id, happened_at, demand, failure_kind, contact_id from textinsight_demand "
                        + "where happened_at >= :from and happened_at < :to order by happened_at, source_ref")
                .param("from", from.atStartOfDay(zone).toOffsetDateTime()).param("to", to.plusDays(1).atStartOfDay(zone).toOffsetDateTime())
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2) == null ? null : new PersonKey(rs.getString(2)),
                        new TouchpointId(rs.getObject(3, UUID.class)), rs.getObject(4, OffsetDateTime.class).toInstant(),
                        "failure".equals(rs.getString(5)), rs.getString(6), rs.getObject(7, UUID.class)))
                .list();
    }

    /** The person's readings, oldest first. */
    public List<Stored> of(PersonKey person) {
        return jdbc.sql("select source_ref, touchpoint_id, happened_at, demand, failure_kind from textinsight_demand where person_key = :p "
                        + "order by happened_at, source_ref")
                .param("p", person.value())
                .query((rs, n) -> new Stored(rs.getString(1), new TouchpointId(rs.getObject(2, UUID.class)),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4), rs.getString(5)))
                .list();
    }

    /** Unlinks the person's readings (erasure): the counts stay, linked to nobody. */
    public void forget(PersonKey person) {
        jdbc.sql("update textinsight_demand set person_key = null where person_key = :p").param("p", person.value()).update();
    }

    /** Unlinks readings of contacts before the cutoff from their persons (retention); returns how many. */
    public int forgetBefore(Instant cutoff) {
        return jdbc.sql("update textinsight_demand set person_key = null where person_key is not null and happened_at < :cutoff")
                .param("cutoff", OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC)).update();
    }
}
