package nl.buitenin.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state a killed H2 process can leave (h2database issue 2080): a running transaction's changes in the tables'
 * maps in the file, its undo log not. It is made here on a real H2 file the way it arises: a transaction changes rows,
 * the store is written while its undo log is empty, and the database is closed without writing again (as by a kill).
 * Without the rollback of {@link H2Leftovers} the next start inherits the uncommitted entries (a source id that was
 * never committed cannot be claimed); with it, every table holds exactly what was committed.
 */
class H2LeftoversTest {

    @TempDir
    Path dir;

    @Test
    void theEntriesOfATransactionThatNeverEndedAreRolledBackToWhatWasCommitted() throws Exception {
        String url = url();
        try (Connection setup = DriverManager.getConnection(url, "sa", "");
                Statement statement = setup.createStatement()) {
            statement.execute("create table claim (source_id varchar(200) primary key, at_day int not null)");
            statement.execute("create table day_count (day_id int primary key, n bigint not null)");
            statement.execute("insert into claim values ('kept', 1), ('deleted-then-killed', 1)");
            statement.execute("insert into day_count values (1, 10)");
        }
        killDuringATransaction(url, """
                insert into claim values ('never-committed', 1);
                update day_count set n = n + 5 where day_id = 1;
                delete from claim where source_id = 'deleted-then-killed'
                """);
        Path file = dir.resolve("db.mv.db");
        assertThat(H2Leftovers.closedCleanly(file)).as("the file of a killed process").isFalse();

        H2Leftovers.Report report;
        try (Connection first = DriverManager.getConnection(url, "sa", "")) {
            report = H2Leftovers.rollBack(first);
        }
        // claim: the inserted row and its key, the deleted row and its key; day_count: the updated row.
        assertThat(report.perTable()).isEqualTo(Map.of("claim", 4, "day_count", 1));
        assertThat(H2Leftovers.closedCleanly(file)).as("after the rollback the database was closed").isTrue();

        try (Connection next = DriverManager.getConnection(url, "sa", "");
                Statement statement = next.createStatement()) {
            assertThat(texts(statement, "select source_id from claim order by source_id")).containsExactly("deleted-then-killed", "kept");
            assertThat(texts(statement, "select n from day_count")).containsExactly("10");
            // The retry of the batch that was running: its claim is new, not a duplicate, and nothing waits.
            statement.execute("set lock_timeout 2000");
            assertThat(statement.executeUpdate("insert into claim values ('never-committed', 2) on conflict do nothing")).isEqualTo(1);
            assertThat(statement.executeUpdate("update day_count set n = n + 5 where day_id = 1")).isEqualTo(1);
            assertThat(H2Leftovers.rollBack(next).total()).as("nothing left on a second look").isZero();
        }
    }

    @Test
    void aDatabaseClosedNormallyHasNothingToRollBackAndSaysSo() throws Exception {
        String url = url();
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                Statement statement = connection.createStatement()) {
            statement.execute("create table claim (source_id varchar(200) primary key)");
            statement.execute("insert into claim values ('a'), ('b')");
            assertThat(H2Leftovers.closedCleanly(dir.resolve("db.mv.db"))).as("while open").isFalse();
            H2Leftovers.Report report = H2Leftovers.rollBack(connection);
            assertThat(report.total()).isZero();
            assertThat(report.tablesRead()).isPositive();
        }
        assertThat(H2Leftovers.closedCleanly(dir.resolve("db.mv.db"))).as("after a normal close").isTrue();
    }

    @Test
    void aFileThatIsNotAnH2StoreCountsAsNotClosedCleanly() throws Exception {
        Path file = dir.resolve("other.mv.db");
        java.nio.file.Files.writeString(file, "clean:1\n");
        assertThat(H2Leftovers.closedCleanly(file)).isFalse();
    }

    private String url() {
        return "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;WRITE_DELAY=0";
    }

    /**
     * Runs {@code statements} in a transaction, then writes the store with that transaction's undo log emptied (what
     * the file holds when the tables were written after the changes and the undo log before them) and closes the
     * database without writing anything more.
     */
    private static void killDuringATransaction(String url, String statements) throws SQLException {
        Connection running = DriverManager.getConnection(url, "sa", "");
        running.setAutoCommit(false);
        try (Statement statement = running.createStatement()) {
            for (String sql : statements.split(";")) {
                statement.executeUpdate(sql.strip());
            }
        }
        SessionLocal session = (SessionLocal) running.unwrap(JdbcConnection.class).getSession();
        MVStore store = session.getDatabase().getStore().getMvStore();
        MVMap<Object, Object> undoLog = store.openMap("undoLog." + session.getTransaction().getId());
        assertThat(undoLog.size()).as("the running transaction's undo log").isPositive();
        undoLog.clear();
        store.commit();
        try (Statement statement = DriverManager.getConnection(url, "sa", "").createStatement()) {
            statement.execute("shutdown immediately");
        }
    }

    private static List<String> texts(Statement statement, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                values.add(result.getString(1));
            }
        }
        return values;
    }
}
