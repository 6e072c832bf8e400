package nl.buitenin.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.buitenin.testing.TestDatabases;

/**
 * No acknowledged write is lost when the server is killed. The real application jar (built in the package phase)
 * runs as its own process; a client ingests interactions through the HTTP API with an API key, retrying a batch with
 * the same source ids on a connection error or a 5xx. Twice, right after an acknowledgement, the server is killed with
 * SIGKILL and started again on the same database. At the end every acknowledged row must be stored, exactly once.
 * Runs on the embedded default (an H2 file database) and on PostgreSQL, by {@code ./mvnw verify} (failsafe).
 * <p>
 * {@code -Dbuitenin.jar=...} runs it against another jar (e.g. an older build, to see it fail);
 * {@code -Dbuitenin.crash.rows=...} changes the number of rows (default 6 000 in batches of 250). On H2 the graceful stop at
 * the end must also close the database only after the application: no listener or the event registry may find it closed.
 */
class KillDuringIngestIT {

    private static final int ROWS = Integer.getInteger("buitenin.crash.rows", 6_000);
    private static final int BATCH = 250;
    private static final int CLIENT_THREADS = 2;
    private static final List<Integer> CRASH_MARKS = List.of(ROWS / 3, 2 * ROWS / 3);
    private static final Duration TIMEOUT = Duration.ofMinutes(4);

    @TempDir
    Path temp;

    @Test
    void theEmbeddedH2DefaultKeepsEveryAcknowledgedRow() throws Exception {
        Path dataDir = temp.resolve("data");
        // The default database URL of application.yml: only the data directory is given.
        Map<String, String> environment = Map.of("BUITENIN_DATA_DIR", dataDir.toString());
        Outcome outcome = ingestWithTwoKills("h2", environment);
        // Counted after the graceful stop: the embedded database is locked while the server runs.
        Set<String> stored = storedSourceIds("jdbc:h2:file:" + dataDir.resolve("buitenin").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "", outcome.prefix());
        outcome.check(stored);
        List<String> log = Files.readAllLines(serverLog("h2"));
        // Each start after a kill finds the file not closed cleanly and rolls back what the killed transactions left.
        assertThat(log.stream().filter(line -> line.contains("was not closed cleanly"))).as("starts that rolled back leftovers")
                .hasSize(CRASH_MARKS.size());
        // The graceful stop at the end closes the database after the application, not before it.
        assertThat(log.stream().filter(line -> line.contains("Database is already closed")
                || line.contains("Invocation of destroy method failed"))).as("the server log's complaints of a closed database").isEmpty();
    }

    @Test
    void postgresqlKeepsEveryAcknowledgedRow() throws Exception {
        TestDatabases.Database database = TestDatabases.freshPostgres();
        Map<String, String> environment = Map.of("BUITENIN_DATA_DIR", temp.resolve("data").toString(),
                "BUITENIN_DB_URL", database.url(), "BUITENIN_DB_USER", database.user(), "BUITENIN_DB_PASSWORD", database.password());
        Outcome outcome = ingestWithTwoKills("postgres", environment);
        outcome.check(storedSourceIds(database.url(), database.user(), database.password(), outcome.prefix()));
    }

    private Outcome ingestWithTwoKills(String name, Map<String, String> environment) throws Exception {
        Path log = serverLog(name);
        Files.createDirectories(log.getParent());
        Files.deleteIfExists(log);
        ServerProcess server = new ServerProcess(jar(), environment, log);
        ExecutorService executor = RetryingIngest.executor();
        try {
            server.start();
            AdminSession admin = AdminSession.firstSignIn(server.baseUrl(), server.oneTimeAdminPassword());
            String apiKey = admin.issueApiKey("INGEST");
            String touchpoint = admin.mapTouchpoint();
            String prefix = "crash-" + name + "-";
            RetryingIngest client = new RetryingIngest(server.baseUrl(), apiKey, touchpoint, prefix, ROWS, BATCH, CRASH_MARKS, TIMEOUT);
            long started = System.nanoTime();
            List<Future<?>> workers = client.start(executor, CLIENT_THREADS);
            List<Set<String>> acknowledgedBeforeKill = new ArrayList<>();
            for (int kill = 1; kill <= CRASH_MARKS.size(); kill++) {
                awaitCrashMark(client, workers, kill, server);
                server.kill();
                acknowledgedBeforeKill.add(client.acknowledged());
                server.start();
            }
            for (Future<?> worker : workers) {
                try {
                    worker.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    throw new AssertionError("the client did not finish within " + TIMEOUT + " after the last start: "
                            + client.describe() + "\nthe server's log ends with:\n" + server.logTail(), e);
                }
            }
            server.stop();
            return new Outcome(name, prefix, client, acknowledgedBeforeKill, server.starts(), (System.nanoTime() - started) / 1_000_000);
        } finally {
            executor.shutdownNow();
            server.stop();
        }
    }

    /**
     * Waits until the client has had the rows of crash mark {@code kill} acknowledged. A client thread that gave up (a
     * batch answered with a client error, or not taken whole) ends the wait at once with its reason, instead of after
     * the whole time-out with none.
     */
    private static void awaitCrashMark(RetryingIngest client, List<Future<?>> workers, int kill, ServerProcess server) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!client.crashRequests().tryAcquire(1, TimeUnit.SECONDS)) {
            for (Future<?> worker : workers) {
                if (worker.isDone()) {
                    try {
                        worker.get();
                    } catch (ExecutionException e) {
                        throw new IllegalStateException("a client thread gave up before crash mark " + kill + ": " + client.describe()
                                + "\nthe server's log ends with:\n" + server.logTail(), e.getCause());
                    }
                }
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("the client never reached crash mark " + kill + ": " + client.describe()
                        + "\nthe server's log ends with:\n" + server.logTail());
            }
        }
    }

    /** What the client saw; {@link #check} compares it with what the database holds. */
    private record Outcome(String name, String prefix, RetryingIngest client, List<Set<String>> acknowledgedBeforeKill,
            int starts, long millis) {

        void check(Set<String> storedIds) {
            Set<String> acknowledged = client.acknowledged();
            Set<String> lost = new HashSet<>(acknowledged);
            lost.removeAll(storedIds);
            List<Integer> lostPerKill = acknowledgedBeforeKill.stream()
                    .map(before -> (int) before.stream().filter(id -> !storedIds.contains(id)).count()).toList();
            String summary = String.format("%s: %d rows, %d kills (SIGKILL), %d starts, %d ms; acknowledged %d, stored %d, "
                            + "lost %d (of those acknowledged before each kill: %s), reported created %d, duplicates %d, retried requests %d",
                    name, ROWS, acknowledgedBeforeKill.size(), starts, millis, acknowledged.size(), storedIds.size(),
                    lost.size(), lostPerKill, client.reportedCreated(), client.reportedDuplicates(), client.retries());
            System.out.println("KillDuringIngestIT " + summary);
            assertThat(acknowledged).as("every row acknowledged in the end: " + summary).hasSize(ROWS);
            assertThat(lost).as("acknowledged rows lost: " + summary).isEmpty();
            // A batch committed just before a kill, whose answer never arrived, is sent again and answered as duplicates:
            // so fewer rows may be reported created than are stored, never more (a row created twice would make it more).
            assertThat(client.reportedCreated()).as("rows reported created vs stored: " + summary).isLessThanOrEqualTo(storedIds.size());
            assertThat(storedIds).as("no row stored that was not sent: " + summary).hasSize(ROWS);
        }
    }

    /** The stored source ids of this run; fails on a source id stored twice. */
    private static Set<String> storedSourceIds(String url, String user, String password, String prefix) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select source_id from interaction where source_id like '" + prefix + "%'")) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        Set<String> distinct = new HashSet<>(rows);
        assertThat(rows).as("source ids stored more than once").hasSize(distinct.size());
        return distinct;
    }

    /** The server's output over all its starts in one test case. */
    private static Path serverLog(String name) {
        return Path.of(System.getProperty("buitenin.crash.logs", "target/crash-test")).resolve(name + "-server.log");
    }

    private static Path jar() throws IOException {
        Path jar = Path.of(System.getProperty("buitenin.jar", "target/buitenin-exec.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IOException("no application jar at " + jar.toAbsolutePath() + " (run ./mvnw verify, which packages it first)");
        }
        return jar;
    }
}
