package nl.buitenin.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import nl.buitenin.testing.TestDatabases;

/**
 * The migrations that partition tables by month on a database that already holds rows: interactions and contact
 * decisions (db/vendor/postgresql V16_5_1), responses and answers (V17_1_0 and V17_1_1). Every row is still there with
 * the same content, in its month's partition, and every source is claimed in its key table. A fresh, empty database
 * is what every other test's context migrates.
 */
@Tag("database")
class PartitionMigrationTest {

    private static final int INTERACTIONS = 2_000;
    private static final int DECISIONS = 700;

    @Test
    void aFilledDatabaseKeepsEveryRowInItsMonth() throws SQLException {
        assumeThat(TestDatabases.current()).as("partitions are PostgreSQL's; H2 keeps plain tables").isEqualTo(TestDatabases.Kind.POSTGRES);
        TestDatabases.Database database = migratedUpTo(PARTITIONS);
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password())) {
            fill(connection);
            String interactions = fingerprint(connection, "interaction", "source_id");
            String decisions = fingerprint(connection, "contact_decision", "id");

            flyway(database, MigrationVersion.LATEST).migrate();

            assertThat(number(connection, "select count(*) from pg_partitioned_table p join pg_class c on c.oid = p.partrelid "
                    + "where c.relname in ('interaction', 'contact_decision')")).isEqualTo(2);
            assertThat(number(connection, "select count(*) from interaction")).isEqualTo(INTERACTIONS);
            assertThat(number(connection, "select count(*) from contact_decision")).isEqualTo(DECISIONS);
            assertThat(fingerprint(connection, "interaction", "source_id")).isEqualTo(interactions);
            assertThat(fingerprint(connection, "contact_decision", "id")).isEqualTo(decisions);
            assertThat(number(connection, "select count(*) from interaction where tableoid::regclass::text "
                    + "<> 'interaction_p' || to_char(occurred_at at time zone 'UTC', 'YYYYMM')")).isZero();
            assertThat(number(connection, "select count(*) from contact_decision where tableoid::regclass::text "
                    + "<> 'contact_decision_p' || to_char(decided_at at time zone 'UTC', 'YYYYMM')")).isZero();
            assertThat(number(connection, "select count(*) from interaction i join interaction_key k "
                    + "on k.source_id = i.source_id and k.occurred_at = i.occurred_at")).isEqualTo(INTERACTIONS);
            assertThat(number(connection, "select count(*) from interaction_key")).isEqualTo(INTERACTIONS);
            // A month boundary in UTC: the last microsecond of January and the first of February in their own months.
            assertThat(text(connection, "select tableoid::regclass::text from interaction where source_id = 'edge-jan'")).isEqualTo("interaction_p202401");
            assertThat(text(connection, "select tableoid::regclass::text from interaction where source_id = 'edge-feb'")).isEqualTo("interaction_p202402");
            assertThat(number(connection, "select count(*) from interaction_default") + number(connection, "select count(*) from contact_decision_default"))
                    .isZero();
        }
    }

    private static final MigrationVersion PARTITIONS = MigrationVersion.fromVersion("16.5.0");
    private static final MigrationVersion RESPONSE_PARTITIONS = MigrationVersion.fromVersion("17.1.0");
    private static final int RESPONSES = 900;
    /** The columns responses and answers had before the partitions, which must come through unchanged. */
    private static final String RESPONSE_COLUMNS = "id, survey_id, touchpoint_id, person_key, source_ref, channel, language, status, "
            + "invited_at, expires_at, started_at, completed_at, reminder_status, reminder_checked_at, site_id, staff_ref, team";
    private static final String ANSWER_COLUMNS = "response_id, question_key, score, choices, text_value";

    @Test
    void responsesAndAnswersKeepEveryRowAndLieInTheirResponsesMonth() throws SQLException {
        assumeThat(TestDatabases.current()).as("partitions are PostgreSQL's; H2 keeps plain tables").isEqualTo(TestDatabases.Kind.POSTGRES);
        TestDatabases.Database database = migratedUpTo(RESPONSE_PARTITIONS);
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password())) {
            int answers = fillResponses(connection);
            String responseRows = text(connection, "select md5(string_agg(concat_ws('|', " + RESPONSE_COLUMNS + "), '/' order by id)) "
                    + "from listening_response");
            String answerRows = text(connection, "select md5(string_agg(concat_ws('|', " + ANSWER_COLUMNS + "), '/' "
                    + "order by response_id, question_key)) from listening_answer");

            flyway(database, MigrationVersion.LATEST).migrate();

            assertThat(number(connection, "select count(*) from pg_partitioned_table p join pg_class c on c.oid = p.partrelid "
                    + "where c.relname in ('listening_response', 'listening_answer')")).isEqualTo(2);
            assertThat(number(connection, "select count(*) from listening_response")).isEqualTo(RESPONSES);
            assertThat(number(connection, "select count(*) from listening_answer")).isEqualTo(answers);
            assertThat(text(connection, "select md5(string_agg(concat_ws('|', " + RESPONSE_COLUMNS + "), '/' order by id)) "
                    + "from listening_response")).isEqualTo(responseRows);
            assertThat(text(connection, "select md5(string_agg(concat_ws('|', " + ANSWER_COLUMNS + "), '/' "
                    + "order by response_id, question_key)) from listening_answer")).isEqualTo(answerRows);
            // created_at: the invitation's time, else the completion's.
            assertThat(number(connection, "select count(*) from listening_response where created_at <> coalesce(invited_at, completed_at)"))
                    .isZero();
            assertThat(number(connection, "select count(*) from listening_response where tableoid::regclass::text "
                    + "<> 'listening_response_p' || to_char(created_at at time zone 'UTC', 'YYYYMM')")).isZero();
            // Each answer in the partition of its response's month.
            assertThat(number(connection, "select count(*) from listening_answer a join listening_response r on r.id = a.response_id "
                    + "where a.response_created_at <> r.created_at or a.tableoid::regclass::text "
                    + "<> 'listening_answer_p' || to_char(r.created_at at time zone 'UTC', 'YYYYMM')")).isZero();
            assertThat(number(connection, "select count(*) from listening_response r join listening_response_key k "
                    + "on k.source_ref = r.source_ref and k.id = r.id and k.created_at = r.created_at")).isEqualTo(RESPONSES);
            assertThat(number(connection, "select count(*) from listening_response_key")).isEqualTo(RESPONSES);
            assertThat(number(connection, "select count(*) from listening_response_default")
                    + number(connection, "select count(*) from listening_answer_default")).isZero();
            // The answers' key names the response's whole key: an answer with another month than its response is refused.
            try (Statement statement = connection.createStatement()) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> statement.execute("insert into listening_answer (response_id, "
                                + "question_key, score, response_created_at) select id, 'extra', 1, created_at + interval '40 days' "
                                + "from listening_response limit 1"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("listening_answer_response_fkey");
            }
        }
    }

    /** Responses invited and answered, imported completed, and only invited, over seven years; returns the answers. */
    private static int fillResponses(Connection connection) throws SQLException {
        UUID survey = UUID.randomUUID();
        try (Statement statement = connection.createStatement()) {
            statement.execute("insert into listening_survey (id, lineage, version, status, title_nl, title_en, definition, created_at) "
                    + "values ('" + survey + "', '" + survey + "', 1, 'PUBLISHED', 'Vraag', 'Question', '{}', now())");
        }
        Instant start = Instant.parse("2020-01-01T00:00:00Z");
        int answers = 0;
        try (PreparedStatement response = connection.prepareStatement("insert into listening_response (id, survey_id, touchpoint_id, "
                + "person_key, source_ref, channel, language, status, invited_at, expires_at, started_at, completed_at, staff_ref, team) "
                + "values (?, ?, ?, ?, ?, ?, 'nl', ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement answer = connection.prepareStatement("insert into listening_answer (response_id, question_key, score, "
                        + "choices, text_value) values (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < RESPONSES; i++) {
                UUID id = UUID.randomUUID();
                Instant at = i == 1 ? Instant.parse("2024-01-31T23:59:59.999999Z") : start.plusSeconds(i * 250_000L + i % 11);
                boolean imported = i % 3 == 0;
                boolean completed = i % 5 != 4;
                response.setObject(1, id);
                response.setObject(2, survey);
                response.setObject(3, null);
                response.setString(4, i % 4 == 0 ? null : "p_" + "b".repeat(25) + (char) ('a' + i % 26));
                response.setString(5, (imported ? "import:" : "interaction:") + i);
                response.setString(6, imported ? "IMPORT" : "EMAIL");
                response.setString(7, completed ? "COMPLETED" : "INVITED");
                response.setObject(8, imported ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                response.setObject(9, imported ? null : OffsetDateTime.ofInstant(at.plusSeconds(14 * 86_400L), ZoneOffset.UTC));
                // An invitation answered a day later, in the next month at a month's end: the response stays in the month
                // it was invited in, and its answers with it.
                Instant done = imported ? at : at.plusSeconds(86_400L);
                response.setObject(10, completed ? OffsetDateTime.ofInstant(done, ZoneOffset.UTC) : null);
                response.setObject(11, completed ? OffsetDateTime.ofInstant(done, ZoneOffset.UTC) : null);
                response.setString(12, i % 6 == 0 ? "s-" + i % 9 : null);
                response.setString(13, i % 6 == 0 ? "Team Zuid" : null);
                response.addBatch();
                if (completed) {
                    answer.setObject(1, id);
                    answer.setString(2, "nps");
                    answer.setInt(3, i % 11);
                    answer.setString(4, null);
                    answer.setString(5, null);
                    answer.addBatch();
                    answer.setObject(1, id);
                    answer.setString(2, "waarom");
                    answer.setObject(3, null);
                    answer.setString(4, i % 2 == 0 ? "prijs\nroute" : null);
                    answer.setString(5, "Fijn, 'echt' waar\n" + i);
                    answer.addBatch();
                    answers += 2;
                }
            }
            response.executeBatch();
            answer.executeBatch();
        }
        return answers;
    }

    /** A fresh PostgreSQL database migrated up to the last migration before {@code version}, whichever that is by now. */
    private static TestDatabases.Database migratedUpTo(MigrationVersion version) {
        TestDatabases.Database database = TestDatabases.freshPostgres();
        MigrationVersion before = java.util.Arrays.stream(flyway(database, MigrationVersion.LATEST).info().all()).map(MigrationInfo::getVersion)
                .filter(v -> v != null && v.compareTo(version) < 0).max(MigrationVersion::compareTo).orElseThrow();
        flyway(database, before).migrate();
        return database;
    }

    private static Flyway flyway(TestDatabases.Database database, MigrationVersion target) {
        return Flyway.configure().dataSource(database.url(), database.user(), database.password())
                .locations("classpath:db/migration", "classpath:db/vendor/postgresql").outOfOrder(true).target(target).load();
    }

    private static void fill(Connection connection) throws SQLException {
        UUID journey = UUID.randomUUID();
        UUID stage = UUID.randomUUID();
        UUID touchpoint = UUID.randomUUID();
        try (Statement statement = connection.createStatement()) {
            statement.execute("insert into journey (id, name_nl, name_en, created_at) values ('" + journey + "', 'Reis', 'Trip', now())");
            statement.execute("insert into journey_stage (id, journey_id, name_nl, name_en, position) values ('" + stage + "', '" + journey
                    + "', 'Boeken', 'Book', 0)");
            statement.execute("insert into touchpoint (id, journey_id, stage_id, name_nl, name_en, channel, position) values ('"
                    + touchpoint + "', '" + journey + "', '" + stage + "', 'Balie', 'Desk', 'LOCATION', 0)");
        }
        Instant start = Instant.parse("2019-06-01T00:00:00Z");
        try (PreparedStatement insert = connection.prepareStatement("insert into interaction (source_id, touchpoint_id, occurred_at, "
                + "local_day, person_key, kind, reason, reason_code, staff_ref, team) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < INTERACTIONS - 2; i++) {
                // Spread over eight years and a bit, into the future too (a month after the partitions made ahead).
                Instant at = start.plusSeconds(i * 137_000L + i % 7);
                interaction(insert, "i-" + i, touchpoint, at, i % 3 == 0 ? null : "p_" + "abcdefghijklmnopqrstuvwxyz".substring(i % 20, i % 20 + 6)
                        + "a".repeat(20), i % 5 == 0 ? "Waar blijft 'mijn' pakket?\n" + i : null);
            }
            interaction(insert, "edge-jan", touchpoint, Instant.parse("2024-01-31T23:59:59.999999Z"), null, null);
            interaction(insert, "edge-feb", touchpoint, Instant.parse("2024-02-01T00:00:00Z"), null, null);
            insert.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement("insert into contact_decision (id, person_key, touchpoint_id, kind, "
                + "decided_at, allowed, reasons, deferred_until, topic, contact_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < DECISIONS; i++) {
                Instant at = start.plusSeconds(i * 390_000L);
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, "p_" + "a".repeat(25) + (char) ('a' + i % 26));
                insert.setObject(3, i % 4 == 0 ? null : touchpoint);
                insert.setString(4, i % 4 == 0 ? "TOLD_BACK" : i % 4 == 1 ? "OFFER" : "INVITATION");
                insert.setObject(5, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                insert.setBoolean(6, i % 2 == 0);
                insert.setString(7, "quiet-hours,max-per-month");
                insert.setObject(8, i % 3 == 0 ? OffsetDateTime.ofInstant(at.plusSeconds(3600), ZoneOffset.UTC) : null);
                insert.setString(9, i % 4 == 1 ? "Texel" : null);
                insert.setObject(10, i % 4 == 2 ? OffsetDateTime.ofInstant(at.minusSeconds(600), ZoneOffset.UTC) : null);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void interaction(PreparedStatement insert, String source, UUID touchpoint, Instant at, String person, String reason)
            throws SQLException {
        insert.setString(1, source);
        insert.setObject(2, touchpoint);
        insert.setObject(3, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
        insert.setObject(4, LocalDate.ofInstant(at, ZoneOffset.ofHours(1)));
        insert.setString(5, person);
        insert.setString(6, reason == null ? "VISIT" : "CONTACT");
        insert.setString(7, reason);
        insert.setString(8, reason == null ? null : "chase.parcel");
        insert.setString(9, person == null ? null : "s-" + source.length());
        insert.setString(10, person == null ? null : "Team Noord");
        insert.addBatch();
    }

    /** Every row's every column, in key order, as one hash: the same hash is the same rows with the same content. */
    private static String fingerprint(Connection connection, String table, String key) throws SQLException {
        return text(connection, "select md5(string_agg(t::text, '|' order by t." + key + ")) from " + table + " t");
    }

    private static long number(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String text(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
