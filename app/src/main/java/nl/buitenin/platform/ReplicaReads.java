package nl.buitenin.platform;

import java.util.function.Supplier;

/**
 * Read-only work that may be a little behind: the journey map, figures, exports. With a read replica configured
 * ({@code BUITENIN_DB_REPLICA_URL}) such work runs in a read-only transaction on the replica while the replica is
 * reachable and no further behind than {@code BUITENIN_DB_REPLICA_MAX_LAG}; otherwise, and always without a replica,
 * on the primary database. Work called inside a transaction that is already open joins it, on that transaction's
 * database: a page that has just written reads its own writes.
 * <p>
 * The work must only read: on the replica (and, read-only, on the primary) a write is refused by the database. A read
 * that must be written down (an access-log entry) is written before or after, outside the work.
 */
public interface ReplicaReads {

    <T> T read(Supplier<T> work);
}
