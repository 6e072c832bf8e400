/**
 * The read replica: a second connection pool for read-only work ({@link nl.buitenin.platform.ReplicaReads}), chosen by
 * Spring's {@code LazyConnectionDataSourceProxy} for read-only transactions, with a lag check that sends the reads
 * back to the primary while the replica is behind or down. Nothing of it exists without {@code BUITENIN_DB_REPLICA_URL}.
 */
@NullMarked
package nl.buitenin.platform.internal.replica;

import org.jspecify.annotations.NullMarked;
