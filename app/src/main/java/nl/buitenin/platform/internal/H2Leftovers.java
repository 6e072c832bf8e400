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

import org.h2.engine.Database;
import org.h2.engine.SessionLocal;
import org.h2.index.Index;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.db.MVDelegateIndex;
import org.h2.mvstore.db.MVIndex;
import org.h2.mvstore.db.MVTable;
import org.h2.mvstore.tx.Transaction;
import org.h2.table.Table;
import org.h2.value.VersionedValue;

/**
 * Rolls back what H2 left behind of the transactions that were running when its process was killed.
 * <p>
 * Why: H2 (MVStore, 2.x) writes its maps to the file one after the other, each as it is at that moment, while other
 * transactions go on writing. A table's rows and indexes can therefore reach the file with changes of a running
 * transaction whose undo log did not: if the process is then killed, H2 cannot roll those changes back when it opens
 * the file again (its authors describe this in h2database issue 2080). They stay in the tables as uncommitted values
 * of a transaction that no longer exists, and after the restart transaction ids are given out again from 1: a new
 * transaction with the same id takes them for its own (a claim of a source id that was never committed then looks
 * present, so a retried batch is answered "duplicate" and never stored), and another transaction waits for them for
 * ever. Both were seen in the crash test of ingestion. This class puts back, in every table and index, the committed
 * value of each such entry (or removes an entry that had none), which is what the rollback would have done.
 * <p>
 * It runs when the database file was not closed cleanly (H2 marks a clean close in the file's header), before anything
 * else uses the database: no transaction may be open, or its own uncommitted changes would be taken for leftovers.
 */
final class H2Leftovers {

    private H2Leftovers() {
    }

    /** The entries put back per table (in the order found), and how long the look through the tables took. */
    record Report(Map<String, Integer> perTable, int tablesRead, long millis) {

        int total() {
            return perTable.values().stream().mapToInt(Integer::intValue).sum();
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
     * Puts back the committed value of every entry left by a transaction that no longer runs, in every table and index
     * of the embedded H2 database behind {@code connection}. Call it on a connection of its own, before any other
     * session uses the database.
     */
    static Report rollBack(Connection connection) throws SQLException {
        long started = System.nanoTime();
        SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
        Database database = session.getDatabase();
        Set<Integer> running = new HashSet<>();
        for (Transaction transaction : database.getStore().getTransactionStore().getOpenTransactions()) {
            // Only prepared (two-phase) transactions survive the opening; Buitenin uses none, but they are kept.
            running.add(transaction.getId());
        }
        Map<String, Integer> perTable = new LinkedHashMap<>();
        int tables = 0;
        for (Table table : database.getAllTablesAndViews()) {
            if (!(table instanceof MVTable)) {
                continue;
            }
            tables++;
            int put = 0;
            for (Index index : table.getIndexes()) {
                // A delegate index (a primary key on a number column) reads the table's own map: walked once, as the table's.
                if (index instanceof MVIndex<?, ?> stored && !(index instanceof MVDelegateIndex)) {
                    put += rollBack(stored.getMVMap(), running, table.getName() + "/" + index.getName());
                }
            }
            if (put > 0) {
                perTable.put(table.getName(), put);
            }
        }
        if (!perTable.isEmpty()) {
            database.getStore().getMvStore().commit();
        }
        return new Report(perTable, tables, (System.nanoTime() - started) / 1_000_000);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int rollBack(MVMap<?, ? extends VersionedValue<?>> index, Set<Integer> running, String name) {
        MVMap<Object, VersionedValue<?>> map = (MVMap) index;
        List<Object> removed = new ArrayList<>();
        // Lists, not maps: H2's index keys (search rows) have no hash code.
        List<Object> restoredKeys = new ArrayList<>();
        List<VersionedValue<?>> restoredValues = new ArrayList<>();
        Cursor<Object, VersionedValue<?>> cursor = map.cursor(null);
        while (cursor.hasNext()) {
            Object key = cursor.next();
            VersionedValue<?> value = cursor.getValue();
            long operation = value == null ? 0 : value.getOperationId();
            if (operation == 0 || running.contains(transactionOf(operation))) {
                continue;
            }
            Object committed = value.getCommittedValue();
            if (committed == null) {
                removed.add(key);
            } else if (committed instanceof VersionedValue<?> same) {
                // H2's own values (rows, index entries) are their own committed version.
                restoredKeys.add(key);
                restoredValues.add(same);
            } else {
                throw new IllegalStateException("H2 left an uncommitted entry in " + name + " whose committed value has an unknown type ("
                        + committed.getClass().getName() + "); the database was not changed further. Restore it from a backup.");
            }
        }
        // Changed after the walk, not during it, so the cursor reads one version of the map.
        removed.forEach(map::remove);
        for (int i = 0; i < restoredKeys.size(); i++) {
            map.put(restoredKeys.get(i), restoredValues.get(i));
        }
        return removed.size() + restoredKeys.size();
    }

    /** The transaction of an operation id: its upper bits (H2's TransactionStore keeps the log id in the lower 40). */
    private static int transactionOf(long operationId) {
        return (int) (operationId >>> 40);
    }
}
