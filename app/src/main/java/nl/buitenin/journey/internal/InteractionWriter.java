package nl.buitenin.journey.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import nl.buitenin.platform.Slices;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.platform.BulkInsert;

/**
 * Inserts interactions that are not there yet and tells which ones it inserted, through the platform's
 * {@link BulkInsert}: on PostgreSQL all rows go in one statement ({@code unnest} of arrays, {@code on conflict do
 * nothing returning}), which is what makes the HTTP API keep up with a raw COPY; other databases (H2) use a JDBC
 * batch and its update counts. A source id is claimed in {@code interaction_key} first: on PostgreSQL the interactions
 * are partitioned by month of {@code occurred_at}, and their own key contains that time, so only the key table keeps a
 * source id delivered again with another time (another day) from becoming a second interaction. The interactions that
 * went in are added to their touchpoint's count of the day ({@code interaction_day}) in the same transaction: the one
 * writer of that count.
 */
@Component
class InteractionWriter {

    /** An interaction with its day in the organisation's time zone. */
    private record Dated(NewInteraction interaction, LocalDate day) {
    }

    private static final BulkInsert<Dated> INSERT = BulkInsert.<Dated>into("interaction")
            .column("source_id", BulkInsert.Type.TEXT, d -> d.interaction().sourceId())
            .column("touchpoint_id", BulkInsert.Type.UUID, d -> d.interaction().touchpoint().value())
            .column("occurred_at", BulkInsert.Type.TIMESTAMP, d -> d.interaction().at())
            .column("local_day", BulkInsert.Type.DATE, Dated::day)
            .column("person_key", BulkInsert.Type.TEXT, d -> d.interaction().person() == null ? null : d.interaction().person().value())
            .column("kind", BulkInsert.Type.TEXT, d -> d.interaction().kind().name())
            .column("reason", BulkInsert.Type.TEXT, d -> d.interaction().reason())
            .column("reason_code", BulkInsert.Type.TEXT, d -> d.interaction().reasonCode())
            .column("staff_ref", BulkInsert.Type.TEXT, d -> d.interaction().staff())
            .column("team", BulkInsert.Type.TEXT, d -> d.interaction().team())
            .claimedIn("interaction_key", "source_id", "occurred_at")
            .ifAbsent("source_id");

    /** The interactions stored per touchpoint and day: what the journey map reads instead of counting the rows. */
    private record DayCount(TouchpointId touchpoint, LocalDate day, long interactions) {
    }

    /** Rows in one fixed order (touchpoint, day), so two batches over the same days wait for each other, never deadlock. */
    private static final BulkInsert<DayCount> COUNT = BulkInsert.<DayCount>into("interaction_day")
            .column("touchpoint_id", BulkInsert.Type.UUID, c -> c.touchpoint().value())
            .column("local_day", BulkInsert.Type.DATE, DayCount::day)
            .column("interactions", BulkInsert.Type.BIGINT, DayCount::interactions)
            .adding("interaction_day_pk", "interactions", "touchpoint_id", "local_day");

    private final JdbcTemplate jdbc;

    InteractionWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the interactions (distinct source ids) and returns the source ids that were new. */
    Set<String> insertAbsent(List<NewInteraction> interactions, ZoneId zone) {
        if (interactions.isEmpty()) {
            return Set.of();
        }
        List<Dated> rows = new ArrayList<>(interactions.size());
        for (NewInteraction interaction : interactions) {
            rows.add(new Dated(interaction, LocalDate.ofInstant(interaction.at(), zone)));
        }
        Set<String> inserted = new HashSet<>();
        Map<TouchpointId, Map<LocalDate, Long>> perDay = new TreeMap<>(Comparator.comparing(TouchpointId::value));
        for (Dated row : INSERT.write(jdbc, rows)) {
            inserted.add(row.interaction().sourceId());
            perDay.computeIfAbsent(row.interaction().touchpoint(), t -> new TreeMap<>()).merge(row.day(), 1L, Long::sum);
        }
        List<DayCount> counts = new ArrayList<>();
        perDay.forEach((touchpoint, days) -> days.forEach((day, n) -> counts.add(new DayCount(touchpoint, day, n))));
        COUNT.write(jdbc, counts);
        return inserted;
    }

    /** Which of the source ids are stored already (in slices, so the statement stays small). */
    Set<String> existing(List<String> sourceIds) {
        Set<String> found = new HashSet<>();
        for (List<String> slice : Slices.of(sourceIds, 500)) {
            String marks = String.join(",", java.util.Collections.nCopies(slice.size(), "?"));
            found.addAll(jdbc.queryForList("select source_id from interaction_key where source_id in (" + marks + ")", String.class,
                    slice.toArray()));
        }
        return found;
    }
}
