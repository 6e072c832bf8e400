package nl.buitenin.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * Two PostgreSQL servers on loopback, a primary and its streaming replica, made the way an operator makes one:
 * {@code initdb} with {@code wal_level=replica}, then {@code pg_basebackup -R -X stream} of the running primary into the
 * replica's directory, which starts as a hot standby. The server binaries are Debian's ({@code apt-get install
 * postgresql}; the embedded test binaries lack {@code pg_basebackup}), found in {@code BUITENIN_PG_BIN} or under
 * {@code /usr/lib/postgresql/<version>/bin}. As root, the servers run as the user {@code postgres} (PostgreSQL refuses
 * to run as root). Without the binaries a test is skipped with a message, unless {@code BUITENIN_REQUIRE_POSTGRES_SERVER=true}
 * (CI), where their absence fails it.
 */
public final class StreamingReplica implements AutoCloseable {

    public static final String REQUIRE = "BUITENIN_REQUIRE_POSTGRES_SERVER";
    private static final String DATABASE = "buitenin";

    private final Path bin;
    private final Path base;
    private final int primaryPort;
    private final int replicaPort;
    private boolean replicaRunning;

    private StreamingReplica(Path bin, Path base, int primaryPort, int replicaPort) {
        this.bin = bin;
        this.base = base;
        this.primaryPort = primaryPort;
        this.replicaPort = replicaPort;
    }

    /** Starts a primary and its replica, with an empty database {@code buitenin} on both; skips the test without binaries. */
    public static StreamingReplica start() {
        Path bin = binaries();
        try {
            Path base = Files.createTempDirectory("buitenin-replica-");
            Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
            StreamingReplica pair = new StreamingReplica(bin, base, freePort(), freePort());
            pair.setUp();
            return pair;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String primaryUrl() {
        return "jdbc:postgresql://127.0.0.1:" + primaryPort + "/" + DATABASE;
    }

    public String replicaUrl() {
        return "jdbc:postgresql://127.0.0.1:" + replicaPort + "/" + DATABASE;
    }

    public String user() {
        return "postgres";
    }

    /**
     * Waits until the replica has replayed everything the primary had written when this was called: its replay
     * position at or past the primary's current WAL position. Not the same as a lag of zero by the application's
     * measure, which is also zero (rounded, or clamped from below zero) while the replica is replaying a stream of
     * transactions committed a moment ago and more are still to come.
     */
    public void awaitReplayed(Duration within) {
        String target = single(primaryUrl(), "select cast(pg_current_wal_lsn() as text)");
        long deadline = System.nanoTime() + within.toNanos();
        while (!"t".equals(single(replicaUrl(), "select pg_last_wal_replay_lsn() >= cast('" + target + "' as pg_lsn)"))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the replica did not replay up to " + target + " within " + within);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private String single(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url, user(), "");
                Statement statement = connection.createStatement();
                java.sql.ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " on " + url, e);
        }
    }

    /** Stops the replica at once, as a crash would ({@code pg_ctl stop -m immediate}). */
    public void stopReplica() {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir("replica").toString(), "-m", "immediate", "-w", "stop"));
        replicaRunning = false;
    }

    /** Pauses or resumes WAL replay on the replica: it keeps receiving the primary's WAL but its data stands still. */
    public void replay(boolean on) {
        execute(replicaUrl(), on ? "select pg_wal_replay_resume()" : "select pg_wal_replay_pause()");
    }

    private void setUp() throws IOException {
        Path primary = dir("primary");
        ownedByServerUser(primary);
        run(List.of(bin.resolve("initdb").toString(), "-D", primary.toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                "--locale=C", "--no-sync"));
        // initdb's pg_hba.conf (-A trust) already lets 127.0.0.1 connect for replication.
        Files.writeString(primary.resolve("postgresql.conf"), String.join("\n",
                "", "listen_addresses = '127.0.0.1'", "port = " + primaryPort, "unix_socket_directories = '" + base + "'",
                "wal_level = replica", "max_wal_senders = 4", "fsync = off", "synchronous_commit = off", "max_connections = 60",
                "timezone = 'UTC'", ""), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        startServer("primary");
        Path replica = dir("replica");
        ownedByServerUser(replica);
        Files.setPosixFilePermissions(replica, PosixFilePermissions.fromString("rwx------"));
        run(List.of(bin.resolve("pg_basebackup").toString(), "-h", "127.0.0.1", "-p", String.valueOf(primaryPort), "-U", "postgres",
                "-D", replica.toString(), "-R", "-X", "stream", "--no-sync"));
        Files.writeString(replica.resolve("postgresql.conf"), "\nport = " + replicaPort + "\nhot_standby = on\n"
                // Replay is paused past the 30 s lag limit in ReadReplicaTest; with the default delay of 30 s, a cleanup
                // record from the primary's autovacuum then cancelled the very statement that resumed replay ("conflict
                // with recovery", one full run). Replay waits for a query on the replica instead: the queries are short.
                + "max_standby_streaming_delay = -1\nmax_standby_archive_delay = -1\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        startServer("replica");
        replicaRunning = true;
        execute("jdbc:postgresql://127.0.0.1:" + primaryPort + "/postgres", "create database " + DATABASE);
    }

    private void startServer(String name) {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir(name).toString(), "-l", base.resolve(name + ".log").toString(), "-w",
                "-t", "60", "start"));
    }

    private Path dir(String name) {
        return base.resolve(name);
    }

    private void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url, user(), "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " on " + url, e);
        }
    }

    /** Runs a server program, as the user {@code postgres} when this JVM runs as root. */
    private void run(List<String> command) {
        List<String> full = new ArrayList<>();
        if (asRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        try {
            Path log = base.resolve("commands.log");
            Process process = new ProcessBuilder(full).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", full) + " failed; output:\n" + Files.readString(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void ownedByServerUser(Path directory) throws IOException {
        Files.createDirectories(directory);
        if (asRoot()) {
            UserPrincipalLookupService users = directory.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(directory, users.lookupPrincipalByName("postgres"));
            Files.setOwner(base, users.lookupPrincipalByName("postgres"));
        }
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    static Path binaries() {
        String configured = System.getenv("BUITENIN_PG_BIN");
        List<Path> candidates = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured));
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                versions.sorted(Comparator.reverseOrder()).map(v -> v.resolve("bin")).forEach(candidates::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (Path candidate : candidates) {
            if (Stream.of("initdb", "pg_ctl", "pg_basebackup", "postgres").allMatch(p -> Files.isExecutable(candidate.resolve(p)))) {
                return candidate;
            }
        }
        String message = "PostgreSQL server binaries with pg_basebackup not found (BUITENIN_PG_BIN or /usr/lib/postgresql/<version>/bin; "
                + "apt-get install postgresql): the streaming replica test is skipped";
        if ("true".equalsIgnoreCase(System.getenv(REQUIRE))) {
            throw new IllegalStateException(message.replace("is skipped", "cannot run") + ", and " + REQUIRE + "=true");
        }
        System.err.println("SKIPPED: " + message);
        Assumptions.abort(message);
        throw new AssertionError("unreachable");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        if (replicaRunning) {
            stopReplica();
        }
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir("primary").toString(), "-m", "fast", "-w", "stop"));
        try (Stream<Path> files = Files.walk(base)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is no failure of the test
        }
    }
}
