package nl.buitenin.journey.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Inserts interactions that are not there yet and tells which ones it inserted. On PostgreSQL all rows go
 * in one statement ({@code unnest} of arrays, {@code on conflict do nothing returning}), which is what
 * makes the HTTP API keep up with a raw COPY; other databases (H2) use a JDBC batch and its update counts.
 */
@Component
class InteractionWriter {

    private static final String POSTGRES_INSERT = "insert into interaction (source_id, touchpoint_id, occurred_at, local_day, person_key, kind) "
            + "select s, cast(t as uuid), cast(o as timestamp with time zone), cast(d as date), p, k "
            + "from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) as u(s, t, o, d, p, k) "
            + "on conflict do nothing returning source_id";
    private static final String PORTABLE_INSERT = "insert into interaction (source_id, touchpoint_id, occurred_at, local_day, person_key, kind) "
            + "values (?, ?, ?, ?, ?, ?) on conflict do nothing";

    private final JdbcTemplate jdbc;
    private volatile Boolean postgres;

    InteractionWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the interactions (distinct source ids) and returns the source ids that were new. */
    Set<String> insertAbsent(List<NewInteraction> interactions, ZoneId zone) {
        if (interactions.isEmpty()) {
            return Set.of();
        }
        return jdbc.execute((ConnectionCallback<Set<String>>) connection -> isPostgres(connection)
                ? insertWithUnnest(connection, interactions, zone)
                : insertWithBatch(connection, interactions, zone));
    }

    /** Which of the source ids are stored already (in slices, so the statement stays small). */
    Set<String> existing(List<String> sourceIds) {
        Set<String> found = new HashSet<>();
        for (int from = 0; from < sourceIds.size(); from += 500) {
            List<String> slice = sourceIds.subList(from, Math.min(sourceIds.size(), from + 500));
            String marks = String.join(",", java.util.Collections.nCopies(slice.size(), "?"));
            found.addAll(jdbc.queryForList("select source_id from interaction where source_id in (" + marks + ")", String.class,
                    slice.toArray()));
        }
        return found;
    }

    private boolean isPostgres(Connection connection) throws SQLException {
        if (postgres == null) {
            postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        }
        return postgres;
    }

    private static Set<String> insertWithUnnest(Connection connection, List<NewInteraction> interactions, ZoneId zone)
            throws SQLException {
        int size = interactions.size();
        String[][] columns = new String[6][size];
        for (int i = 0; i < size; i++) {
            NewInteraction interaction = interactions.get(i);
            columns[0][i] = interaction.sourceId();
            columns[1][i] = interaction.touchpoint().toString();
            columns[2][i] = interaction.at().toString();
            columns[3][i] = LocalDate.ofInstant(interaction.at(), zone).toString();
            columns[4][i] = interaction.person() == null ? null : interaction.person().value();
            columns[5][i] = interaction.kind().name();
        }
        Set<String> inserted = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(POSTGRES_INSERT)) {
            for (int c = 0; c < columns.length; c++) {
                Array array = connection.createArrayOf("text", columns[c]);
                statement.setArray(c + 1, array);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    inserted.add(rows.getString(1));
                }
            }
        }
        return inserted;
    }

    private static Set<String> insertWithBatch(Connection connection, List<NewInteraction> interactions, ZoneId zone)
            throws SQLException {
        Set<String> inserted = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(PORTABLE_INSERT)) {
            for (NewInteraction interaction : interactions) {
                statement.setString(1, interaction.sourceId());
                statement.setObject(2, interaction.touchpoint().value());
                statement.setObject(3, OffsetDateTime.ofInstant(interaction.at(), ZoneOffset.UTC));
                statement.setDate(4, Date.valueOf(LocalDate.ofInstant(interaction.at(), zone)));
                statement.setString(5, interaction.person() == null ? null : interaction.person().value());
                statement.setString(6, interaction.kind().name());
                statement.addBatch();
            }
            int[] counts = statement.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] > 0) {
                    inserted.add(interactions.get(i).sourceId());
                }
            }
        }
        return inserted;
    }
}
