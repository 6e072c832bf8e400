package nl.buitenin.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A streaming replica of the scale benchmark's embedded PostgreSQL, made as an operator makes one: {@code pg_basebackup
 * -R -X stream} of the running primary, started as a hot standby with the primary's own server binaries (zonky's, whose
 * major version the data directory needs). {@code pg_basebackup} is a client and comes from Debian's PostgreSQL
 * ({@code apt-get install postgresql-client}, or {@code BUITENIN_PG_BIN}), as in the replica test; a newer one copies
 * an older server.
 */
final class ReplicaServer implements AutoCloseable {

    private final Path serverBin;
    private final Path base;
    private final Path directory;
    private final int port;

    private ReplicaServer(Path serverBin, Path base, Path directory, int port) {
        this.serverBin = serverBin;
        this.base = base;
        this.directory = directory;
        this.port = port;
    }

    /**
     * Copies the primary on {@code primaryPort} (data in {@code primaryData}) into {@code base}{@code /data} and starts it,
     * its log in {@code base}{@code /server.log}. As root, the server runs as the user {@code postgres}: PostgreSQL's
     * {@code pg_ctl} refuses root.
     */
    static ReplicaServer start(int primaryPort, Path primaryData, Path base) throws Exception {
        String major = Files.readString(primaryData.resolve("PG_VERSION")).strip();
        Path serverBin = serverBinaries(major);
        ScaleBenchmark.deleteTree(base);
        Path directory = base.resolve("data");
        Files.createDirectories(directory);
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        if (asRoot()) {
            var postgres = base.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(base, postgres);
            Files.setOwner(directory, postgres);
        }
        Path log = base.resolve("server.log");
        long start = System.nanoTime();
        run(List.of(basebackup(), "-h", "127.0.0.1", "-p", Integer.toString(primaryPort), "-U", "postgres", "-D",
                directory.toString(), "-R", "-X", "stream", "--checkpoint=fast", "--no-sync"), base, 4 * 3600);
        ScaleBenchmark.log("base backup of the primary (PostgreSQL %s) into %s in %.0f s", major, directory, (System.nanoTime() - start) / 1e9);
        int port = ScaleBenchmark.freePort();
        // The primary's settings, as zonky gives them on its command line; replay waits for no query longer than the default 30 s.
        String options = String.join(" ", "-c port=" + port, "-c listen_addresses=127.0.0.1", "-c unix_socket_directories=" + base,
                "-c hot_standby=on", "-c shared_buffers=512MB", "-c max_connections=100");
        run(List.of(serverBin.resolve("pg_ctl").toString(), "-D", directory.toString(), "-l", log.toString(), "-o", options, "-w",
                "-t", "600", "start"), base, 900);
        ReplicaServer replica = new ReplicaServer(serverBin, base, directory, port);
        ScaleBenchmark.log("replica ready on port %d (in recovery: %s); its log %s", port, replica.single("select pg_is_in_recovery()"), log);
        return replica;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** How far the replica's replay is behind the primary's latest commit, in milliseconds (0 when it has caught up). */
    long replayLagMillis() throws SQLException {
        return Math.round(Double.parseDouble(single("select coalesce(extract(epoch from (case when pg_last_wal_receive_lsn() = "
                + "pg_last_wal_replay_lsn() then interval '0' else now() - pg_last_xact_replay_timestamp() end)) * 1000, 0)")));
    }

    /** Transactions committed on the replica's database so far: read-only transactions, counted where they ran. */
    long transactions() throws SQLException {
        return Long.parseLong(single("select xact_commit + xact_rollback from pg_stat_database where datname = 'postgres'"));
    }

    private String single(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), "postgres", "");
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    @Override
    public void close() throws Exception {
        run(List.of(serverBin.resolve("pg_ctl").toString(), "-D", directory.toString(), "-m", "fast", "-w", "stop"), base, 300);
        ScaleBenchmark.deleteTree(base);
    }

    /** The server binaries zonky unpacked for the primary (its temporary directory, one per version). */
    private static Path serverBinaries(String major) throws Exception {
        Path unpacked = Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg");
        try (Stream<Path> versions = Files.list(unpacked)) {
            for (Path bin : versions.map(v -> v.resolve("bin")).toList()) {
                if (Files.isExecutable(bin.resolve("pg_ctl")) && Files.isExecutable(bin.resolve("postgres"))) {
                    Process version = new ProcessBuilder(bin.resolve("postgres").toString(), "--version").redirectErrorStream(true).start();
                    String text = new String(version.getInputStream().readAllBytes()).strip();
                    version.waitFor();
                    if (text.matches(".*\\) " + major + "\\..*")) {
                        return bin;
                    }
                }
            }
        }
        throw new IllegalStateException("no PostgreSQL " + major + " server binaries under " + unpacked);
    }

    /**
     * {@code pg_basebackup}: in {@code BUITENIN_PG_BIN} when set, else the one on the path (Debian's
     * {@code postgresql-client} puts a wrapper in {@code /usr/bin} that runs the newest installed version).
     */
    private static String basebackup() {
        String configured = System.getenv("BUITENIN_PG_BIN");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured, "pg_basebackup").toString();
        }
        return "pg_basebackup";
    }

    /** Runs a PostgreSQL program, as the user {@code postgres} when this JVM runs as root; its output in {@code base}/commands.log. */
    private static void run(List<String> command, Path base, long seconds) throws Exception {
        List<String> full = new ArrayList<>();
        if (asRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Path log = base.resolve("commands.log");
        Process process = new ProcessBuilder(full).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!process.waitFor(seconds, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", full) + " failed; see " + log);
        }
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
