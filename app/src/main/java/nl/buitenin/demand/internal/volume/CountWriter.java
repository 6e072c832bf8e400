package nl.buitenin.demand.internal.volume;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import nl.buitenin.platform.BulkInsert;

/**
 * Writes counted interactions: the hash of what was counted (so a redelivered event counts once) and the sums per
 * interval, through the platform's {@link BulkInsert} that adds to a row or creates it. On PostgreSQL the sums of a
 * whole batch are one statement over arrays ({@code unnest}), instead of a round trip per interval, which kept the
 * counting far behind the journey API. Other databases (H2, in process, where a round trip costs little) get the
 * update-then-insert per interval. Both write in the order they are given, which the caller keeps fixed, so that two
 * batches counted at the same time wait for each other instead of deadlocking.
 */
@Component
class CountWriter {

    /** One interval's sum in a batch. */
    record SlotCount(String channel, String location, OffsetDateTime start, int n) {
    }

    /** A sum as it is stored: with its row id (used when the interval is new), interval length and time of counting. */
    private record Row(UUID id, SlotCount slot, int minutes, OffsetDateTime now) {
    }

    /** The unique (channel, location, interval_start, source) decides between a new row and adding to an existing one. */
    private static final BulkInsert<Row> ADD = BulkInsert.<Row>into("demand_volume")
            .column("id", BulkInsert.Type.UUID, Row::id)
            .column("channel", BulkInsert.Type.TEXT, r -> r.slot().channel())
            .column("location", BulkInsert.Type.TEXT, r -> r.slot().location())
            .column("interval_start", BulkInsert.Type.TIMESTAMP, r -> r.slot().start())
            .column("interval_minutes", BulkInsert.Type.INTEGER, Row::minutes)
            .column("offered", BulkInsert.Type.BIGINT, r -> (long) r.slot().n())
            .column("source", BulkInsert.Type.TEXT, r -> VolumeSource.INTERACTIONS.column())
            .column("recorded_at", BulkInsert.Type.TIMESTAMP, Row::now)
            .adding("demand_volume_natural_key", "offered", "channel", "location", "interval_start", "source");

    private final JdbcTemplate batches;
    private final JdbcClient jdbc;

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
        List<Row> rows = new ArrayList<>(slots.size());
        for (SlotCount slot : slots) {
            rows.add(new Row(UUID.randomUUID(), slot, minutes, now));
        }
        ADD.write(batches, rows);
    }
}
