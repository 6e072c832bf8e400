package nl.buitenin.platform.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.h2.engine.Database;
import org.h2.engine.SessionLocal;
import org.h2.index.Index;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.db.MVDelegateIndex;
import org.h2.mvstore.db.MVIndex;
import org.h2.mvstore.db.MVTable;
import org.h2.mvstore.tx.Transaction;
import org.h2.table.Table;
import org.h2.value.VersionedValue;

/**
 * Repairs what H2 left behind of the transactions that were running when its process was killed: changes of
 * transactions that never committed are rolled back, changes of transactions that had committed are made visible.
 * <p>
 * Why, first: H2 (MVStore, 2.x) writes its maps to the file one after the other, each as it is at that moment, while
 * other transactions go on writing. A table's rows and indexes can therefore reach the file with changes of a running
 * transaction whose undo log did not: if the process is then killed, H2 cannot roll those changes back when it opens
 * the file again (its authors describe this in h2database issue 2080). They stay in the tables as uncommitted values
 * of a transaction that no longer exists, and after the restart transaction ids are given out again from 1: a new
 * transaction with the same id takes them for its own (a claim of a source id that was never committed then looks
 * present, and is read back), another transaction waits for them. Such an entry gets its committed value back (or is
 * removed if it had none), which is what the rollback would have done.
 * <p>
 * Why, second: a transaction killed after its commit mark reached the undo log but before its changes were all marked
 * committed is found again as committed when H2 opens the file, and H2 then finishes its commit. H2 2.5.252 does not:
 * its {@code Transaction.commit()} takes the recovered status for "not active" and returns without committing or
 * ending it. Its changes stay uncommitted for ever: invisible to every reader (a committed batch of interactions lost)
 * and locked against every writer (an update of the same day's count spins without end: the crash test hung). Such a
 * transaction's entries get their new value here, as its commit would have given them, and its undo log is emptied,
 * so H2 no longer finds it at the next opening.
 * <p>
 * It runs when the database file was not closed cleanly (H2 marks a clean close in the file's header), before anything
 * else uses the database: no transaction may be running, or its own uncommitted changes would be taken for leftovers.
 */
final class H2Leftovers {

    private H2Leftovers() {
    }

    /**
     * What was repaired: per table (in the order found) the entries rolled back and the entries committed, the number of
     * committed transactions whose commit was finished, and how long the look through the tables took.
     */
    record Report(Map<String, Integer> rolledBack, Map<String, Integer> committed, int transactionsCommitted, int tablesRead,
            long millis) {

        int total() {
            return Stream.concat(rolledBack.values().stream(), committed.values().stream()).mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * Whether the H2 file at {@code file} (the {@code .mv.db}) was closed cleanly: its header carries H2's clean mark.
     * A header that cannot be read counts as not clean, so the tables are looked through.
     */
    static boolean closedCleanly(Path file) throws IOException {
        byte[] header = new byte[4096];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(header, 0, header.length);
        }
        String text = new String(header, 0, read, StandardCharsets.ISO_8859_1);
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        if (!first.startsWith("H:2,")) {
            return false;
        }
        for (String field : first.split(",")) {
            if (field.equals("clean:1")) {
                return true;
            }
        }
        return false;
    }

    /**
     * In every table and index of the embedded H2 database behind {@code connection}: puts back the committed value of
     * every entry left by a transaction that no longer runs, and gives every entry of a transaction that H2 recovered as
     * committed but did not finish its new value. Call it on a connection of its own, before any other session uses
     * the database.
     */
    static Report repair(Connection connection) throws SQLException {
        long started = System.nanoTime();
        SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
        Database database = session.getDatabase();
        Set<Integer> prepared = new HashSet<>();
        Set<Integer> committed = new HashSet<>();
        for (Transaction transaction : database.getStore().getTransactionStore().getOpenTransactions()) {
            if (transaction.getStatus() == Transaction.STATUS_COMMITTED) {
                committed.add(transaction.getId());
            } else {
                // Prepared (two-phase) transactions wait for a decision; Buitenin uses none, but they are kept.
                prepared.add(transaction.getId());
            }
        }
        Map<String, Integer> rolledBack = new LinkedHashMap<>();
        Map<String, Integer> madeCommitted = new LinkedHashMap<>();
        int tables = 0;
        for (Table table : database.getAllTablesAndViews()) {
            if (!(table instanceof MVTable)) {
                continue;
            }
            tables++;
            int[] counts = new int[2];
            for (Index index : table.getIndexes()) {
                // A delegate index (a primary key on a number column) reads the table's own map: walked once, as the table's.
                if (index instanceof MVIndex<?, ?> stored && !(index instanceof MVDelegateIndex)) {
                    repair(stored.getMVMap(), prepared, committed, table.getName() + "/" + index.getName(), counts);
                }
            }
            if (counts[0] > 0) {
                rolledBack.put(table.getName(), counts[0]);
            }
            if (counts[1] > 0) {
                madeCommitted.put(table.getName(), counts[1]);
            }
        }
        MVStore store = database.getStore().getMvStore();
        for (int transaction : committed) {
            // Its changes are committed now; without its undo log H2 does not register it again at the next opening.
            store.openMap("undoLog." + transaction).clear();
        }
        if (!rolledBack.isEmpty() || !madeCommitted.isEmpty() || !committed.isEmpty()) {
            store.commit();
        }
        return new Report(rolledBack, madeCommitted, committed.size(), tables, (System.nanoTime() - started) / 1_000_000);
    }

    /** Counts in {@code counts}: [0] entries rolled back, [1] entries committed. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void repair(MVMap<?, ? extends VersionedValue<?>> index, Set<Integer> prepared, Set<Integer> committed, String name,
            int[] counts) {
        MVMap<Object, VersionedValue<?>> map = (MVMap) index;
        // Lists, not maps: H2's index keys (search rows) have no hash code.
        List<Object> keys = new ArrayList<>();
        List<VersionedValue<?>> values = new ArrayList<>();
        Cursor<Object, VersionedValue<?>> cursor = map.cursor(null);
        while (cursor.hasNext()) {
            Object key = cursor.next();
            VersionedValue<?> value = cursor.getValue();
            long operation = value == null ? 0 : value.getOperationId();
            int transaction = transactionOf(operation);
            if (operation == 0 || prepared.contains(transaction)) {
                continue;
            }
            boolean commit = committed.contains(transaction);
            Object kept = commit ? value.getCurrentValue() : value.getCommittedValue();
            if (kept != null && !(kept instanceof VersionedValue<?>)) {
                throw new IllegalStateException("H2 left an uncommitted entry in " + name + " whose value has an unknown type ("
                        + kept.getClass().getName() + "); the repair stopped there, tables before it may be repaired already. "
                        + "Restore the database from a backup.");
            }
            keys.add(key);
            // H2's own values (rows, index entries) are their own committed version; null removes the entry.
            values.add((VersionedValue<?>) kept);
            counts[commit ? 1 : 0]++;
        }
        // Changed after the walk, not during it, so the cursor reads one version of the map.
        for (int i = 0; i < keys.size(); i++) {
            if (values.get(i) == null) {
                map.remove(keys.get(i));
            } else {
                map.put(keys.get(i), values.get(i));
            }
        }
    }

    /** The transaction of an operation id: its upper bits (H2's TransactionStore keeps the log id in the lower 40). */
    private static int transactionOf(long operationId) {
        return (int) (operationId >>> 40);
    }
}
