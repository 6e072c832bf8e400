package nl.buitenin.platform.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.flywaydb.core.Flyway;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import nl.buitenin.platform.internal.H2CrashRecovery;

/**
 * Moves an instance that was tried out on the embedded H2 database to PostgreSQL: creates the schema
 * on the (empty) target with the same migrations, copies every table in foreign-key order in one
 * transaction, sets identity sequences past the copied rows and compares row counts. The server must
 * be stopped (H2 keeps its file locked).
 */
@Command(name = "migrate-to-postgres", mixinStandardHelpOptions = true,
        description = "Copy the embedded H2 database under the data directory into an empty PostgreSQL database.")
public class MigrateToPostgres implements Callable<Integer> {

    /** Tables that are not data: the migration history is rebuilt by Flyway on the target. */
    static final Set<String> SKIPPED = Set.of("flyway_schema_history");

    @Option(names = "--data-dir", defaultValue = "${env:BUITENIN_DATA_DIR:-./data}", description = "The data directory of the embedded database (default ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--to", required = true, description = "JDBC URL of the target, e.g. jdbc:postgresql://localhost:5432/buitenin")
    String targetUrl;

    @Option(names = "--user", defaultValue = "${env:BUITENIN_DB_USER:-buitenin}", description = "Target user (default ${DEFAULT-VALUE}).")
    String user;

    @Option(names = "--password", defaultValue = "${env:BUITENIN_DB_PASSWORD:-}", description = "Target password (default: BUITENIN_DB_PASSWORD).")
    String password;

    @Override
    public Integer call() throws Exception {
        Path file = dataDir.resolve("buitenin.mv.db");
        if (!Files.exists(file)) {
            System.err.println("No embedded database at " + file.toAbsolutePath() + " (use --data-dir).");
            return 2;
        }
        if (!targetUrl.startsWith("jdbc:postgresql:")) {
            System.err.println("--to must be a PostgreSQL JDBC URL (jdbc:postgresql://host:5432/database).");
            return 2;
        }
        String sourceUrl = "jdbc:h2:file:" + dataDir.resolve("buitenin").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;IFEXISTS=TRUE";
        // A database left by a killed process holds uncommitted entries that a reading session may take for its own.
        H2CrashRecovery.recover(file, sourceUrl, "sa", "");
        Report report = migrate(sourceUrl, "sa", "", targetUrl, user, password);
        report.print();
        return report.matches() ? 0 : 1;
    }

    /** Copies source into target; both must be reachable. Refuses a target that already holds data. */
    public static Report migrate(String sourceUrl, String sourceUser, String sourcePassword, String targetUrl,
            String targetUser, String targetPassword) throws SQLException {
        try (Connection target = DriverManager.getConnection(targetUrl, targetUser, targetPassword)) {
            if (tableExists(target, "flyway_schema_history")) {
                throw new IllegalStateException("The target already holds data (a Buitenin schema); migrate into an empty database.");
            }
        }
        Flyway.configure().dataSource(targetUrl, targetUser, targetPassword).locations("classpath:db/migration", "classpath:db/vendor/postgresql")
                .outOfOrder(true).load().migrate();
        try (Connection source = DriverManager.getConnection(sourceUrl, sourceUser, sourcePassword);
                Connection target = DriverManager.getConnection(targetUrl, targetUser, targetPassword)) {
            source.setReadOnly(true);
            List<String> tables = inDependencyOrder(source);
            target.setAutoCommit(false);
            // The fresh schema holds only what migrations seeded (default purposes, the organisation row);
            // the source has the same rows, possibly changed since, so they are replaced by the source's.
            clearSeedRows(target, tables);
            Map<String, long[]> counts = new LinkedHashMap<>();
            try {
                for (String table : tables) {
                    if (!tableExists(target, table)) {
                        // Created at run time rather than by a migration (e.g. the event publication registry).
                        continue;
                    }
                    long copied = copy(source, target, table);
                    counts.put(table, new long[] {copied, 0});
                }
                resetSequences(target);
                target.commit();
            } catch (SQLException | RuntimeException e) {
                target.rollback();
                throw e;
            }
            for (Map.Entry<String, long[]> entry : counts.entrySet()) {
                entry.getValue()[1] = count(target, entry.getKey());
            }
            return new Report(counts);
        }
    }

    /** Rows copied and rows found afterwards, per table. */
    public record Report(Map<String, long[]> counts) {

        public boolean matches() {
            return counts.values().stream().allMatch(c -> c[0] == c[1]);
        }

        public long copied(String table) {
            return counts.getOrDefault(table, new long[] {-1, -1})[0];
        }

        void print() {
            counts.forEach((table, c) -> System.out.printf(Locale.ROOT, "%-40s %10d rows%s%n", table, c[0],
                    c[0] == c[1] ? "" : "  MISMATCH: target has " + c[1]));
            System.out.println(matches() ? "Done: every table copied. Start Buitenin with BUITENIN_DB_URL=<the target> and the prod profile."
                    : "Row counts differ; see above.");
        }
    }

    static List<String> inDependencyOrder(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        Set<String> tables = new LinkedHashSet<>();
        try (ResultSet rs = meta.getTables(null, "public", "%", new String[] {"TABLE", "BASE TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!SKIPPED.contains(name)) {
                    tables.add(name);
                }
            }
        }
        List<String> ordered = new ArrayList<>();
        Set<String> visiting = new LinkedHashSet<>();
        for (String table : tables) {
            visit(meta, table, tables, ordered, visiting);
        }
        return ordered;
    }

    private static void visit(DatabaseMetaData meta, String table, Set<String> tables, List<String> ordered,
            Set<String> visiting) throws SQLException {
        if (ordered.contains(table) || !visiting.add(table)) {
            return;
        }
        try (ResultSet rs = meta.getImportedKeys(null, "public", table)) {
            while (rs.next()) {
                String parent = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                if (!parent.equals(table) && tables.contains(parent)) {
                    visit(meta, parent, tables, ordered, visiting);
                }
            }
        }
        ordered.add(table);
    }

    private static void clearSeedRows(Connection target, List<String> tables) throws SQLException {
        List<String> reversed = new ArrayList<>(tables);
        java.util.Collections.reverse(reversed);
        for (String table : reversed) {
            if (tableExists(target, table)) {
                try (Statement statement = target.createStatement()) {
                    statement.executeUpdate("delete from " + table);
                }
            }
        }
    }

    private static long copy(Connection source, Connection target, String table) throws SQLException {
        long total = count(source, table);
        List<String> columns = new ArrayList<>();
        try (ResultSet rs = target.getMetaData().getColumns(null, "public", table, "%")) {
            while (rs.next()) {
                columns.add(rs.getString("COLUMN_NAME"));
            }
        }
        String list = String.join(", ", columns);
        String insert = "insert into " + table + " (" + list + ") values (" + "?, ".repeat(columns.size() - 1) + "?)";
        long copied = 0;
        try (Statement select = source.createStatement();
                PreparedStatement put = target.prepareStatement(insert);
                ProgressBar bar = new ProgressBarBuilder().setTaskName(table).setInitialMax(total)
                        .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).build()) {
            select.setFetchSize(1000);
            try (ResultSet rows = select.executeQuery("select " + list + " from " + table)) {
                while (rows.next()) {
                    for (int i = 1; i <= columns.size(); i++) {
                        put.setObject(i, rows.getObject(i));
                    }
                    put.addBatch();
                    if (++copied % 1000 == 0) {
                        put.executeBatch();
                        bar.stepTo(copied);
                    }
                }
            }
            put.executeBatch();
            bar.stepTo(copied);
        }
        return copied;
    }

    private static void resetSequences(Connection target) throws SQLException {
        List<String[]> serials = new ArrayList<>();
        try (Statement statement = target.createStatement();
                ResultSet rs = statement.executeQuery("select table_name, column_name from information_schema.columns "
                        + "where table_schema = 'public' and (column_default like 'nextval%' or is_identity = 'YES')")) {
            while (rs.next()) {
                serials.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        for (String[] serial : serials) {
            try (Statement statement = target.createStatement()) {
                statement.execute("select setval(pg_get_serial_sequence('" + serial[0] + "', '" + serial[1] + "'), "
                        + "coalesce((select max(" + serial[1] + ") from " + serial[0] + "), 0) + 1, false)");
            }
        }
    }

    private static boolean tableExists(Connection connection, String table) throws SQLException {
        try (ResultSet rs = connection.getMetaData().getTables(null, "public", table, null)) {
            return rs.next();
        }
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
