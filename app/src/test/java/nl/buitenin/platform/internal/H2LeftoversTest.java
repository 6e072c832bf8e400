package nl.buitenin.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.io.IOException;
import java.nio.file.Files;
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
import org.h2.mvstore.tx.Transaction;
import org.h2.mvstore.tx.TransactionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state a killed H2 process can leave (h2database issue 2080): a running transaction's changes in the tables'
 * maps in the file, its undo log not. It is made here on a real H2 file the way it arises: a transaction changes rows,
 * the store is written while its undo log is empty, and the file is taken as it is then (as a kill leaves it).
 * Without the rollback of {@link H2Leftovers} the next start inherits the uncommitted entries (a source id that was
 * never committed cannot be claimed); with it, every table holds exactly what was committed.
 */
class H2LeftoversTest {

    @TempDir
    Path dir;

    @Test
    void theEntriesOfATransactionThatNeverEndedAreRolledBackToWhatWasCommitted() throws Exception {
        String url = url();
        claimsAndADayCount(url);
        killDuringATransaction(url, theTransaction("never-committed"));
        Path file = dir.resolve("killed.mv.db");
        assertThat(H2Leftovers.closedCleanly(file)).as("the file of a killed process").isFalse();
        url = killedUrl();

        H2Leftovers.Report report;
        try (Connection first = DriverManager.getConnection(url, "sa", "")) {
            report = H2Leftovers.repair(first);
        }
        // claim: the inserted row and its key, the deleted row and its key; day_count: the updated row.
        assertThat(report.rolledBack()).isEqualTo(Map.of("claim", 4, "day_count", 1));
        assertThat(report.committed()).isEmpty();
        assertThat(H2Leftovers.closedCleanly(file)).as("after the repair the database was closed").isTrue();

        try (Connection next = DriverManager.getConnection(url, "sa", "");
                Statement statement = next.createStatement()) {
            assertThat(texts(statement, "select source_id from claim order by source_id")).containsExactly("deleted", "kept");
            assertThat(texts(statement, "select n from day_count")).containsExactly("10");
            // The retry of the batch that was running: its claim is new, not a duplicate, and nothing waits.
            statement.execute("set lock_timeout 2000");
            assertThat(statement.executeUpdate("insert into claim values ('never-committed', 2) on conflict do nothing")).isEqualTo(1);
            assertThat(statement.executeUpdate("update day_count set n = n + 5 where day_id = 1")).isEqualTo(1);
            assertThat(H2Leftovers.repair(next).total()).as("nothing left on a second look").isZero();
        }
    }

    @Test
    void aTransactionKilledAfterItsCommitMarkIsCommittedNotLeftLockedAndInvisible() throws Exception {
        String url = url();
        claimsAndADayCount(url);
        killAfterTheCommitMark(url, theTransaction("committed"));
        url = killedUrl();

        H2Leftovers.Report report;
        try (Connection first = DriverManager.getConnection(url, "sa", "")) {
            // What H2 2.5.252 leaves: the transaction recovered as committed, but neither committed nor ended.
            SessionLocal session = (SessionLocal) first.unwrap(JdbcConnection.class).getSession();
            assertThat(session.getDatabase().getStore().getTransactionStore().getOpenTransactions()).as("transactions left open by H2")
                    .extracting(Transaction::getStatus).containsExactly(Transaction.STATUS_COMMITTED);
            report = H2Leftovers.repair(first);
        }
        assertThat(report.transactionsCommitted()).isEqualTo(1);
        assertThat(report.committed()).isEqualTo(Map.of("claim", 4, "day_count", 1));
        assertThat(report.rolledBack()).isEmpty();

        try (Connection next = DriverManager.getConnection(url, "sa", "");
                Statement statement = next.createStatement()) {
            SessionLocal session = (SessionLocal) next.unwrap(JdbcConnection.class).getSession();
            assertThat(session.getDatabase().getStore().getTransactionStore().getOpenTransactions()).as("after the repair").isEmpty();
            assertThat(texts(statement, "select source_id from claim order by source_id")).containsExactly("committed", "kept");
            assertThat(texts(statement, "select n from day_count")).containsExactly("15");
            statement.execute("set lock_timeout 2000");
            assertThat(statement.executeUpdate("insert into claim values ('committed', 2) on conflict do nothing")).as("a retry").isZero();
            assertThat(statement.executeUpdate("update day_count set n = n + 1 where day_id = 1")).isEqualTo(1);
            assertThat(texts(statement, "select n from day_count")).containsExactly("16");
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
            H2Leftovers.Report report = H2Leftovers.repair(connection);
            assertThat(report.total()).isZero();
            assertThat(report.tablesRead()).isPositive();
        }
        assertThat(H2Leftovers.closedCleanly(dir.resolve("db.mv.db"))).as("after a normal close").isTrue();
    }

    @Test
    void aFileThatIsNotAnH2StoreCountsAsNotClosedCleanly() throws Exception {
        Path file = dir.resolve("other.mv.db");
        Files.writeString(file, "clean:1\n");
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
    private void killDuringATransaction(String url, String statements) throws SQLException, IOException {
        Connection running = runningTransaction(url, statements);
        SessionLocal session = (SessionLocal) running.unwrap(JdbcConnection.class).getSession();
        MVStore store = session.getDatabase().getStore().getMvStore();
        MVMap<Object, Object> undoLog = store.openMap("undoLog." + session.getTransaction().getId());
        assertThat(undoLog.size()).as("the running transaction's undo log").isPositive();
        undoLog.clear();
        store.commit();
        killedCopy();
        running.close();
    }

    /**
     * Runs {@code statements} in a transaction and writes its commit mark to its undo log the way H2's commit does first
     * (TransactionStore.markUndoLogAsCommitted), then writes the store and closes the database without writing more: a
     * process killed after the commit mark reached the file and before the changes were marked committed.
     */
    private void killAfterTheCommitMark(String url, String statements) throws Exception {
        Connection running = runningTransaction(url, statements);
        SessionLocal session = (SessionLocal) running.unwrap(JdbcConnection.class).getSession();
        TransactionStore transactions = session.getDatabase().getStore().getTransactionStore();
        Method mark = TransactionStore.class.getDeclaredMethod("markUndoLogAsCommitted", int.class, long.class);
        mark.setAccessible(true);
        mark.invoke(transactions, session.getTransaction().getId(), 1L);
        session.getDatabase().getStore().getMvStore().commit();
        killedCopy();
        running.close();
    }

    /**
     * The file as a killed process leaves it: a copy taken right after the store was written, while the database is open.
     * (Closing H2, even with SHUTDOWN IMMEDIATELY, first rolls back the open sessions and, with WRITE_DELAY=0, writes that.)
     * H2 writes nothing in between: with WRITE_DELAY=0 it writes only when a transaction ends or a store is asked for.
     */
    private void killedCopy() throws IOException {
        Files.copy(dir.resolve("db.mv.db"), dir.resolve("killed.mv.db"));
    }

    private String killedUrl() {
        return url().replace(dir.resolve("db").toAbsolutePath().toString(), dir.resolve("killed").toAbsolutePath().toString());
    }

    /** Two claims ('kept', 'deleted') and a day's count of 10, committed. */
    private static void claimsAndADayCount(String url) throws SQLException {
        try (Connection setup = DriverManager.getConnection(url, "sa", "");
                Statement statement = setup.createStatement()) {
            statement.execute("create table claim (source_id varchar(200) primary key, at_day int not null)");
            statement.execute("create table day_count (day_id int primary key, n bigint not null)");
            statement.execute("insert into claim values ('kept', 1), ('deleted', 1)");
            statement.execute("insert into day_count values (1, 10)");
        }
    }

    /** The work of the transaction that is killed: a new claim, the day's count up by 5, the claim 'deleted' removed. */
    private static String theTransaction(String newClaim) {
        return "insert into claim values ('" + newClaim + "', 1); update day_count set n = n + 5 where day_id = 1; "
                + "delete from claim where source_id = 'deleted'";
    }

    /** A connection whose transaction has run {@code statements} (separated by semicolons) and is still open. */
    private static Connection runningTransaction(String url, String statements) throws SQLException {
        Connection running = DriverManager.getConnection(url, "sa", "");
        running.setAutoCommit(false);
        try (Statement statement = running.createStatement()) {
            for (String sql : statements.split(";")) {
                statement.executeUpdate(sql.strip());
            }
        }
        return running;
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
