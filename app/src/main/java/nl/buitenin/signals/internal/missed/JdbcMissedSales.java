package nl.buitenin.signals.internal.missed;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.buitenin.journey.Channel;
import nl.buitenin.privacy.PersonKey;

/** Missed sales in {@code signals_missed_sale}; a source id is stored once. */
@Repository
public class JdbcMissedSales {

    private final JdbcClient jdbc;

    JdbcMissedSales(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A missed sale as stored, for the export and the list of recent entries. */
    public record Stored(UUID id, String askedFor, Channel channel, @Nullable String location, MissedReason reason,
            @Nullable String note, @Nullable PersonKey person, Instant askedAt) {
    }

    /** Stores it unless its source id is there already; true when it was stored. */
    public boolean add(MissedSale sale, Instant now) {
        return jdbc.sql("insert into signals_missed_sale (id, source_id, asked_for, asked_key, channel, location, reason, note, person_key, "
                + "asked_at, recorded_at, recorded_by) values (:id, :source, :asked, :key, :channel, :location, :reason, :note, :person, "
                + ":at, :now, :by) on conflict do nothing")
                .param("id", UUID.randomUUID()).param("source", sale.sourceId()).param("asked", sale.askedFor())
                .param("key", sale.askedKey()).param("channel", sale.channel().name()).param("location", sale.location())
                .param("reason", sale.reason().name()).param("note", sale.note())
                .param("person", sale.person() == null ? null : sale.person().value())
                .param("at", utc(sale.askedAt())).param("now", utc(now)).param("by", sale.recordedBy()).update() > 0;
    }

    /** What the counts need of every missed sale asked in [from, to). */
    public List<MissedSaleFigures.Row> between(Instant from, Instant to) {
        return jdbc.sql("select asked_key, asked_for, channel, location, reason, person_key, asked_at from signals_missed_sale "
                + "where asked_at >= :from and asked_at < :to")
                .param("from", utc(from)).param("to", utc(to))
                .query((rs, n) -> new MissedSaleFigures.Row(rs.getString(1), rs.getString(2), Channel.valueOf(rs.getString(3)),
                        rs.getString(4), MissedReason.valueOf(rs.getString(5)), rs.getString(6),
                        rs.getObject(7, OffsetDateTime.class).toInstant())).list();
    }

    /** The same for the missed sales of the given normal forms, for a signal that groups them. */
    public List<MissedSaleFigures.Row> ofKeys(List<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select asked_key, asked_for, channel, location, reason, person_key, asked_at from signals_missed_sale "
                + "where asked_key in (:keys)")
                .param("keys", keys)
                .query((rs, n) -> new MissedSaleFigures.Row(rs.getString(1), rs.getString(2), Channel.valueOf(rs.getString(3)),
                        rs.getString(4), MissedReason.valueOf(rs.getString(5)), rs.getString(6),
                        rs.getObject(7, OffsetDateTime.class).toInstant())).list();
    }

    /**
     * Earlier things asked for that start with (or, failing that, contain) what is typed, most asked first: the
     * suggestions of the logging page. Each normal form once, in the spelling written most often (ties: alphabetically).
     */
    public List<String> suggestions(String typed, int limit) {
        String key = AskedFor.key(typed);
        record Spelling(String key, String spelling, long count) {
        }
        List<Spelling> spellings = jdbc.sql("select asked_key, asked_for, count(*) from signals_missed_sale where asked_key like :contains "
                + "escape '\\' group by asked_key, asked_for")
                .param("contains", "%" + escapeLike(key) + "%")
                .query((rs, n) -> new Spelling(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
        java.util.Map<String, List<Spelling>> byKey = spellings.stream().collect(java.util.stream.Collectors.groupingBy(Spelling::key));
        return byKey.values().stream()
                .sorted(java.util.Comparator.comparing((List<Spelling> l) -> l.get(0).key().startsWith(key) ? 0 : 1)
                        .thenComparing(l -> -l.stream().mapToLong(Spelling::count).sum())
                        .thenComparing(l -> l.get(0).key()))
                .map(l -> l.stream().min(java.util.Comparator.comparingLong((Spelling sp) -> -sp.count()).thenComparing(Spelling::spelling))
                        .orElseThrow().spelling())
                .limit(limit).toList();
    }

    /** The normal forms that exist, for grouping missed sales into a signal. */
    /** When each missed sale of the period was asked for; no person, no text — for counting per month. */
    public List<Instant> askedAt(Instant from, Instant to) {
        return jdbc.sql("select asked_at from signals_missed_sale where asked_at >= :from and asked_at < :to")
                .param("from", from.atOffset(java.time.ZoneOffset.UTC)).param("to", to.atOffset(java.time.ZoneOffset.UTC))
                .query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant()).list();
    }

    public List<String> keys() {
        return jdbc.sql("select distinct asked_key from signals_missed_sale order by asked_key").query(String.class).list();
    }

    public List<String> locations() {
        return jdbc.sql("select distinct location from signals_missed_sale where location is not null order by location")
                .query(String.class).list();
    }

    public List<Stored> of(PersonKey person) {
        return jdbc.sql("select id, asked_for, channel, location, reason, note, person_key, asked_at from signals_missed_sale "
                + "where person_key = :p order by asked_at").param("p", person.value()).query((rs, n) -> stored(rs)).list();
    }

    /** The person's key goes from their entries; the counts stay (an anonymous entry is an asker of its own). */
    public int forget(PersonKey person) {
        return jdbc.sql("update signals_missed_sale set person_key = null where person_key = :p").param("p", person.value()).update();
    }

    /** Past the retention of the purpose they are kept for: notes and askers' keys of entries asked before the cutoff go. */
    public int forgetBefore(Instant cutoff) {
        return jdbc.sql("update signals_missed_sale set note = null, person_key = null where asked_at < :cutoff "
                + "and (note is not null or person_key is not null)").param("cutoff", utc(cutoff)).update();
    }

    private static Stored stored(java.sql.ResultSet rs) throws java.sql.SQLException {
        String person = rs.getString(7);
        return new Stored(rs.getObject(1, UUID.class), rs.getString(2), Channel.valueOf(rs.getString(3)), rs.getString(4),
                MissedReason.valueOf(rs.getString(5)), rs.getString(6), person == null ? null : new PersonKey(person),
                rs.getObject(8, OffsetDateTime.class).toInstant());
    }

    static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
