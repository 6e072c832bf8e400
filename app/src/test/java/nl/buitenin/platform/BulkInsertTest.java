package nl.buitenin.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import nl.buitenin.platform.BulkInsert.Type;
import nl.buitenin.testing.DatabaseTest;

/** The bulk insert on both databases: the same rows go in, and the same ones are told apart, either way. */
@DatabaseTest
class BulkInsertTest {

    record Row(UUID id, String source, Integer score, Long big, Instant at, LocalDate day, String note) {
    }

    record Count(UUID id, String channel, String slot, long n) {
    }

    static final BulkInsert<Row> ROWS = BulkInsert.<Row>into("bulk_insert_probe")
            .column("id", Type.UUID, Row::id).column("source", Type.TEXT, Row::source).column("score", Type.INTEGER, Row::score)
            .column("big", Type.BIGINT, Row::big).column("happened_at", Type.TIMESTAMP, Row::at).column("local_day", Type.DATE, Row::day)
            .column("note", Type.TEXT, Row::note).ifAbsent("source");

    static final BulkInsert<Row> PLAIN = BulkInsert.<Row>into("bulk_insert_probe")
            .column("id", Type.UUID, Row::id).column("source", Type.TEXT, Row::source).plain();

    static final BulkInsert<Row> BY_ID = BulkInsert.<Row>into("bulk_insert_probe")
            .column("id", Type.UUID, Row::id).column("source", Type.TEXT, Row::source).ifAbsent("id");

    static final BulkInsert<Count> COUNTS = BulkInsert.<Count>into("bulk_insert_sum")
            .column("id", Type.UUID, Count::id).column("channel", Type.TEXT, Count::channel).column("slot", Type.TEXT, Count::slot)
            .column("n", Type.BIGINT, Count::n).adding("bulk_insert_sum_key", "n", "channel", "slot");

    static final BulkInsert<Row> CLAIMED = BulkInsert.<Row>into("bulk_insert_claimed")
            .column("id", Type.UUID, Row::id).column("source", Type.TEXT, Row::source).column("happened_at", Type.TIMESTAMP, Row::at)
            .claimedIn("bulk_insert_claim", "source", "happened_at").ifAbsent("source");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    /** Writes in a transaction of its own, as the writers do in theirs. */
    <R> List<R> write(BulkInsert<R> insert, List<R> rows) {
        List<R> written = new ArrayList<>();
        transactions.executeWithoutResult(status -> written.addAll(insert.write(jdbc, rows)));
        return written;
    }

    @BeforeEach
    void tables() {
        jdbc.execute("create table if not exists bulk_insert_probe (id uuid primary key, source varchar(100) not null unique, "
                + "score integer, big bigint, happened_at timestamp with time zone, local_day date, note text)");
        jdbc.execute("create table if not exists bulk_insert_sum (id uuid primary key, channel varchar(20) not null, "
                + "slot varchar(20) not null, n bigint not null, constraint bulk_insert_sum_key unique (channel, slot))");
        jdbc.execute("create table if not exists bulk_insert_claim (source varchar(100) primary key, happened_at timestamp with time zone not null)");
        jdbc.execute("create table if not exists bulk_insert_claimed (id uuid primary key, source varchar(100) not null, "
                + "happened_at timestamp with time zone not null)");
    }

    /** The probe tables go again: the database is shared with tests that scan every table (PersonalDataContractTest). */
    @AfterEach
    void dropTables() {
        jdbc.execute("drop table if exists bulk_insert_probe");
        jdbc.execute("drop table if exists bulk_insert_sum");
        jdbc.execute("drop table if exists bulk_insert_claim");
        jdbc.execute("drop table if exists bulk_insert_claimed");
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    // Without the claims in order, PostgreSQL reports a deadlock while H2 spins in its inserts: fail rather than hang.
    @org.junit.jupiter.api.Timeout(120)
    void sendersOfOverlappingClaimedBatchesInAnyOrderWaitForEachOtherAndNeverDeadlock() throws Exception {
        // The claimed inserts are the ingestion's (interactions, responses), which clients send concurrently and retry.
        for (BulkInsert<Row> insert : List.of(CLAIMED)) {
            String run = UUID.randomUUID().toString();
            java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                List<java.util.concurrent.Future<List<List<String>>>> sent = new ArrayList<>();
                for (int s = 0; s < 4; s++) {
                    long seed = s;
                    // Each sender: rounds of 1 500 keys out of the same 2 000, each batch in an order of its own, and the
                    // transaction open a little after the write, as the ingestion's is (it counts the days, publishes the event).
                    sent.add(senders.submit(() -> {
                        java.util.Random random = new java.util.Random(seed);
                        List<List<String>> told = new ArrayList<>();
                        for (int round = 0; round < 8; round++) {
                            List<Row> rows = new ArrayList<>();
                            for (int k : random.ints(0, 2000).distinct().limit(1500).toArray()) {
                                rows.add(new Row(UUID.randomUUID(), run + "-" + k, null, null, Instant.parse("2026-03-01T00:00:00Z"), null, null));
                            }
                            List<Row> written = new ArrayList<>();
                            transactions.executeWithoutResult(status -> {
                                written.addAll(insert.write(jdbc, rows));
                                pause(20);
                            });
                            List<Row> inOrder = rows.stream().filter(written::contains).toList();
                            told.add(List.of(String.valueOf(written.equals(inOrder)), String.valueOf(written.size())));
                        }
                        return told;
                    }));
                }
                int created = 0;
                for (java.util.concurrent.Future<List<List<String>>> f : sent) {
                    for (List<String> round : f.get()) {
                        assertThat(round.get(0)).as("told back in the order given").isEqualTo("true");
                        created += Integer.parseInt(round.get(1));
                    }
                }
                String table = "bulk_insert_claimed";
                Integer stored = jdbc.queryForObject("select count(*) from " + table + " where source like ?", Integer.class, run + "-%");
                assertThat(created).as("each key created once").isEqualTo(stored);
                assertThat(jdbc.queryForObject("select count(distinct source) from " + table + " where source like ?", Integer.class, run + "-%"))
                        .isEqualTo(stored);
            } finally {
                senders.shutdown();
            }
        }
    }

    @Test
    void insertsTheNewRowsWithEveryTypeAndTellsWhichWentIn() {
        String run = UUID.randomUUID().toString();
        Instant at = Instant.parse("2026-03-29T01:30:00.123456Z");
        Row first = new Row(UUID.randomUUID(), run + "-a", 7, 5_000_000_000L, at, LocalDate.of(2026, 3, 29), "één, \"twee\"\n{drie}");
        Row empty = new Row(UUID.randomUUID(), run + "-b", null, null, null, null, null);
        assertThat(write(ROWS, List.of(first, empty))).containsExactly(first, empty);

        Map<String, Object> stored = jdbc.queryForMap("select * from bulk_insert_probe where source = ?", first.source());
        assertThat(stored.get("id")).isEqualTo(first.id());
        assertThat(((Number) stored.get("score")).intValue()).isEqualTo(7);
        assertThat(((Number) stored.get("big")).longValue()).isEqualTo(5_000_000_000L);
        assertThat(jdbc.queryForObject("select happened_at from bulk_insert_probe where source = ?", OffsetDateTime.class, first.source())
                .toInstant()).isEqualTo(at);
        assertThat(jdbc.queryForObject("select local_day from bulk_insert_probe where source = ?", LocalDate.class, first.source()))
                .isEqualTo(LocalDate.of(2026, 3, 29));
        assertThat(stored.get("note")).isEqualTo("één, \"twee\"\n{drie}");
        Map<String, Object> nulls = jdbc.queryForMap("select * from bulk_insert_probe where source = ?", empty.source());
        assertThat(nulls.get("score")).isNull();
        assertThat(nulls.get("happened_at")).isNull();
        assertThat(nulls.get("local_day")).isNull();
        assertThat(nulls.get("note")).isNull();

        // Again with one new row between the two stored ones: only the new one goes in, and it alone is returned.
        Row again = new Row(UUID.randomUUID(), first.source(), 1, 1L, at, null, "not stored");
        Row fresh = new Row(UUID.randomUUID(), run + "-c", 3, 3L, at, null, null);
        Row againEmpty = new Row(UUID.randomUUID(), empty.source(), null, null, null, null, null);
        assertThat(write(ROWS, List.of(again, fresh, againEmpty))).containsExactly(fresh);
        assertThat(jdbc.queryForObject("select note from bulk_insert_probe where source = ?", String.class, first.source()))
                .isEqualTo(first.note());
        assertThat(jdbc.queryForObject("select count(*) from bulk_insert_probe where source like ?", Integer.class, run + "%")).isEqualTo(3);
    }

    @Test
    void aUuidKeyTellsTheNewRowsApartToo() {
        String run = UUID.randomUUID().toString();
        Row stored = new Row(UUID.randomUUID(), run + "-a", null, null, null, null, null);
        write(BY_ID, List.of(stored));
        Row sameSource = new Row(UUID.randomUUID(), stored.source(), null, null, null, null, null);
        Row other = new Row(UUID.randomUUID(), run + "-b", null, null, null, null, null);
        assertThat(write(BY_ID, List.of(sameSource, other))).containsExactly(other);

        // A source twice in one batch (an import file that repeats a row): the first goes in, the second is left out.
        Row once = new Row(UUID.randomUUID(), run + "-c", null, null, null, null, null);
        Row twice = new Row(UUID.randomUUID(), run + "-c", null, null, null, null, null);
        assertThat(write(BY_ID, List.of(once, twice))).containsExactly(once);
        assertThat(jdbc.queryForObject("select id from bulk_insert_probe where source = ?", UUID.class, once.source())).isEqualTo(once.id());
    }

    @Test
    void aLargeBatchGoesInWhole() {
        String run = UUID.randomUUID().toString();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            rows.add(new Row(UUID.randomUUID(), run + "-" + i, i, (long) i, null, null, null));
        }
        assertThat(write(ROWS, rows)).hasSize(5_000);
        assertThat(jdbc.queryForObject("select sum(score) from bulk_insert_probe where source like ?", Long.class, run + "-%"))
                .isEqualTo(4_999L * 5_000 / 2);
    }

    @Test
    void aPlainInsertFailsOnAConflictAndWritesNothing() {
        String run = UUID.randomUUID().toString();
        Row row = new Row(UUID.randomUUID(), run, null, null, null, null, null);
        assertThat(write(PLAIN, List.of(row))).containsExactly(row);
        Row twin = new Row(UUID.randomUUID(), run, null, null, null, null, null);
        Row other = new Row(UUID.randomUUID(), run + "-other", null, null, null, null, null);
        assertThatThrownBy(() -> write(PLAIN, List.of(other, twin)))
                .isInstanceOf(org.springframework.dao.DataAccessException.class);
        assertThat(jdbc.queryForObject("select count(*) from bulk_insert_probe where source like ?", Integer.class, run + "%")).isEqualTo(1);
    }

    @Test
    void addingCreatesNewRowsAndAddsToStoredOnes() {
        String channel = UUID.randomUUID().toString().substring(0, 20);
        write(COUNTS, List.of(new Count(UUID.randomUUID(), channel, "09:00", 2),
                new Count(UUID.randomUUID(), channel, "09:15", 5)));
        write(COUNTS, List.of(new Count(UUID.randomUUID(), channel, "09:15", 3),
                new Count(UUID.randomUUID(), channel, "09:30", 1)));
        assertThat(jdbc.queryForList("select slot, n from bulk_insert_sum where channel = ? order by slot", channel).stream()
                .map(r -> r.get("slot") + "=" + ((Number) r.get("n")).longValue()).toList())
                .containsExactly("09:00=2", "09:15=8", "09:30=1");
        assertThat(jdbc.queryForObject("select count(*) from bulk_insert_sum where channel = ?", Integer.class, channel)).isEqualTo(3);
    }

    @Test
    void refusesAKeyOrSumThatIsNotAColumn() {
        assertThatThrownBy(() -> BulkInsert.<Row>into("bulk_insert_probe").column("id", Type.UUID, Row::id).ifAbsent("source"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("source");
        assertThatThrownBy(() -> BulkInsert.<Row>into("bulk_insert_probe").column("id", Type.UUID, Row::id)
                .column("note", Type.TEXT, Row::note).adding("k", "note", "id"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
