package nl.buitenin.demand.internal.roster;

import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.buitenin.demand.internal.volume.SeriesKey;

/** The roster in the database: one row per channel, location and interval; a later count for an interval replaces it. */
@Repository
class JdbcRoster {

    private static final int[] UPDATE_TYPES = {Types.INTEGER, Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR, Types.VARCHAR,
            Types.TIMESTAMP_WITH_TIMEZONE};
    private static final int[] INSERT_TYPES = {Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE, Types.INTEGER,
            Types.TIMESTAMP_WITH_TIMEZONE};

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Clock clock;

    JdbcRoster(JdbcClient jdbc, JdbcTemplate batch, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
    }

    /** Stores the entries in the caller's transaction (one entry per interval: the caller keeps the last of each). */
    RosterSaved save(Collection<RosterEntry> entries) {
        if (entries.isEmpty()) {
            return new RosterSaved(0, 0, 0, 0);
        }
        Map<SeriesKey, Map<Instant, Integer>> existing = new HashMap<>();
        Instant from = entries.stream().map(RosterEntry::intervalStart).min(Instant::compareTo).orElseThrow();
        Instant to = entries.stream().map(RosterEntry::intervalStart).max(Instant::compareTo).orElseThrow();
        for (SeriesKey series : entries.stream().map(RosterEntry::series).distinct().toList()) {
            existing.put(series, between(series, from, to.plusSeconds(1)));
        }
        OffsetDateTime now = utc(clock.instant());
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        int unchanged = 0;
        for (RosterEntry e : entries) {
            Integer before = existing.get(e.series()).get(e.intervalStart());
            if (before == null) {
                inserts.add(new Object[] {e.series().channel().name(), e.series().location(), utc(e.intervalStart()), e.agents(), now});
            } else if (before == e.agents()) {
                unchanged++;
            } else {
                updates.add(new Object[] {e.agents(), now, e.series().channel().name(), e.series().location(), utc(e.intervalStart())});
            }
        }
        int replaced = updates.size();
        int inserted = 0;
        if (!inserts.isEmpty()) {
            int[] counts = batch.batchUpdate("""
                    insert into demand_roster (channel, location, interval_start, agents, updated_at) values (?, ?, ?, ?, ?)
                    on conflict do nothing""", inserts, INSERT_TYPES);
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] != 0) {
                    inserted++;
                } else {
                    // Written meanwhile by another import: this one is the later, so its count replaces that one.
                    Object[] row = inserts.get(i);
                    updates.add(new Object[] {row[3], now, row[0], row[1], row[2]});
                    replaced++;
                }
            }
        }
        if (!updates.isEmpty()) {
            batch.batchUpdate("update demand_roster set agents = ?, updated_at = ? where channel = ? and location = ? and interval_start = ?",
                    updates, UPDATE_TYPES);
        }
        return new RosterSaved(inserted, replaced, unchanged, 0);
    }

    /** Takes intervals off the roster (a cell emptied on the roster page). */
    int remove(SeriesKey series, Collection<Instant> starts) {
        if (starts.isEmpty()) {
            return 0;
        }
        List<Object[]> rows = starts.stream().map(s -> new Object[] {series.channel().name(), series.location(), utc(s)}).toList();
        int removed = 0;
        for (int count : batch.batchUpdate("delete from demand_roster where channel = ? and location = ? and interval_start = ?", rows,
                new int[] {Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE})) {
            removed += Math.max(count, 0);
        }
        return removed;
    }

    /** The agents per interval start of a series from {@code from} (inclusive) to {@code to} (exclusive), in order. */
    Map<Instant, Integer> between(SeriesKey series, Instant from, Instant to) {
        Map<Instant, Integer> result = new TreeMap<>();
        jdbc.sql("""
                select interval_start, agents from demand_roster
                where channel = :channel and location = :location and interval_start >= :from and interval_start < :to""")
                .param("channel", series.channel().name()).param("location", series.location())
                .param("from", utc(from)).param("to", utc(to))
                .query(rs -> {
                    result.put(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getInt(2));
                });
        return result;
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
