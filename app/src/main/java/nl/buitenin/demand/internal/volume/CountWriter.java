package nl.buitenin.demand.internal.volume;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes counted interactions: the hash of what was counted (so a redelivered event counts once) and the sums per
 * interval. On PostgreSQL the sums of a whole batch are one statement over arrays ({@code unnest}), instead of a
 * round trip per interval, which kept the counting far behind the journey API. Other databases (H2, in process,
 * where a round trip costs little) get the update-then-insert per interval. Both write in the order they are
 * given, which the caller keeps fixed, so that two batches counted at the same time wait for each other instead of
 * deadlocking.
 */
@Component
class CountWriter {

    /** One interval's sum in a batch. */
    record SlotCount(String channel, String location, OffsetDateTime start, int n) {
    }

    /** The unique (channel, location, interval_start, source) decides between a new row and adding to an existing one. */
    private static final String POSTGRES_UPSERT = """
            insert into demand_volume (id, channel, location, interval_start, interval_minutes, offered, source, recorded_at)
            select cast(id as uuid), c, l, cast(s as timestamp with time zone), ?, n, ?, ?
            from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[]) with ordinality as u(id, c, l, s, n, i) order by i
            on conflict on constraint demand_volume_natural_key do update set offered = demand_volume.offered + excluded.offered""";

    private final JdbcTemplate batches;
    private final JdbcClient jdbc;
    private volatile Boolean postgres;

    CountWriter(JdbcTemplate batches, JdbcClient jdbc) {
        this.batches = batches;
        this.jdbc = jdbc;
    }

    /**
     * Records that what the hash stands for (an event, or one interaction) is counted; false when it was counted
     * before. A second transaction with the same hash waits here for the first and then finds it.
     */
    boolean markCounted(String hash, OffsetDateTime now) {
        return jdbc.sql("insert into demand_counted_interaction (source_hash, counted_at) values (:hash, :now) on conflict do nothing")
                .param("hash", hash).param("now", now).update() > 0;
    }

    /** Adds each sum to its interval of the interactions' series, creating the interval when it is new. */
    void add(List<SlotCount> slots, int minutes, OffsetDateTime now) {
        if (slots.isEmpty()) {
            return;
        }
        if (!isPostgres()) {
            slots.forEach(slot -> increment(slot, minutes, now));
            return;
        }
        batches.execute((ConnectionCallback<Void>) connection -> {
            int size = slots.size();
            String[] ids = new String[size];
            String[] channels = new String[size];
            String[] locations = new String[size];
            String[] starts = new String[size];
            Long[] counts = new Long[size];
            for (int i = 0; i < size; i++) {
                SlotCount slot = slots.get(i);
                ids[i] = UUID.randomUUID().toString();
                channels[i] = slot.channel();
                locations[i] = slot.location();
                starts[i] = slot.start().toString();
                counts[i] = (long) slot.n();
            }
            try (PreparedStatement statement = connection.prepareStatement(POSTGRES_UPSERT)) {
                statement.setInt(1, minutes);
                statement.setString(2, VolumeSource.INTERACTIONS.column());
                statement.setObject(3, now);
                statement.setArray(4, array(connection, "text", ids));
                statement.setArray(5, array(connection, "text", channels));
                statement.setArray(6, array(connection, "text", locations));
                statement.setArray(7, array(connection, "text", starts));
                statement.setArray(8, array(connection, "bigint", counts));
                statement.executeUpdate();
            }
            return null;
        });
    }

    private static Array array(Connection connection, String type, Object[] values) throws SQLException {
        return connection.createArrayOf(type, values);
    }

    /** One interval, portably: the update alone is the common case; the insert only for a new interval. */
    private void increment(SlotCount slot, int minutes, OffsetDateTime now) {
        // The insert does nothing when another transaction created the row in between, after which the update finds it.
        if (update(slot) > 0) {
            return;
        }
        int created = jdbc.sql("""
                insert into demand_volume (id, channel, location, interval_start, interval_minutes, offered, source, recorded_at)
                values (:id, :channel, :location, :start, :minutes, :n, :source, :now) on conflict do nothing""")
                .param("id", UUID.randomUUID()).param("channel", slot.channel()).param("location", slot.location())
                .param("start", slot.start()).param("minutes", minutes).param("n", slot.n())
                .param("source", VolumeSource.INTERACTIONS.column()).param("now", now).update();
        if (created == 0 && update(slot) == 0) {
            throw new IllegalStateException("could not count an interaction in " + slot.channel() + " @ " + slot.location() + " at " + slot.start());
        }
    }

    private int update(SlotCount slot) {
        return jdbc.sql("""
                update demand_volume set offered = offered + :n
                where channel = :channel and location = :location and interval_start = :start and source = :source""")
                .param("channel", slot.channel()).param("location", slot.location()).param("start", slot.start()).param("n", slot.n())
                .param("source", VolumeSource.INTERACTIONS.column()).update();
    }

    private boolean isPostgres() {
        if (postgres == null) {
            postgres = batches.execute((ConnectionCallback<Boolean>) connection ->
                    connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres"));
        }
        return postgres;
    }
}
