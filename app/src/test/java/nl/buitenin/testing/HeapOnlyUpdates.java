package nl.buitenin.testing;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How many rows of a table the current transaction updated on PostgreSQL, and how many of those updates were heap-only
 * (HOT): the new version stayed on its row's page and no index got an entry. Read from the transaction's own
 * statistics, which PostgreSQL keeps exactly and at once (the server-wide ones arrive late and are shared by all tests).
 */
public record HeapOnlyUpdates(long updated, long heapOnly) {

    /** Call inside the transaction that did the updates. */
    public static HeapOnlyUpdates inThisTransaction(JdbcClient jdbc, String table) {
        return jdbc.sql("select pg_stat_get_xact_tuples_updated(c.oid) updated, pg_stat_get_xact_tuples_hot_updated(c.oid) heap_only "
                + "from pg_class c where c.relname = :table and c.relkind = 'r'").param("table", table)
                .query((rs, row) -> new HeapOnlyUpdates(rs.getLong("updated"), rs.getLong("heap_only"))).single();
    }
}
