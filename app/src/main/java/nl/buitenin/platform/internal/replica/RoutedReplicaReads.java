package nl.buitenin.platform.internal.replica;

import java.sql.SQLException;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import nl.buitenin.platform.ReplicaReads;

/**
 * Runs work in a read-only transaction marked "may use the replica" ({@link Scope}); {@link ReplicaRouting} gives it a
 * replica connection when the monitor allows. When the work fails on the replica and the replica turns out to be gone
 * (or the standby cancelled the query for a conflict with recovery, SQL state 40001), it runs once more on the primary.
 */
final class RoutedReplicaReads implements ReplicaReads {

    /** What the current read asked for and got. */
    static final class Scope {
        private boolean mayUseReplica = true;
        private boolean onReplica;

        boolean mayUseReplica() {
            return mayUseReplica;
        }

        void servedBy(boolean replica) {
            onReplica = replica;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(RoutedReplicaReads.class);
    private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();
    private static final String CONFLICT_WITH_RECOVERY = "40001";

    private final TransactionTemplate readOnly;
    private final ReplicaMonitor monitor;

    RoutedReplicaReads(PlatformTransactionManager transactions, ReplicaMonitor monitor) {
        this.readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        this.monitor = monitor;
    }

    static @Nullable Scope current() {
        return CURRENT.get();
    }

    @Override
    public <T> T read(Supplier<T> work) {
        if (CURRENT.get() != null || TransactionSynchronizationManager.isActualTransactionActive()) {
            return work.get();
        }
        Scope scope = new Scope();
        CURRENT.set(scope);
        try {
            return readOnly.execute(status -> work.get());
        } catch (DataAccessException e) {
            if (!scope.onReplica || !(conflictWithRecovery(e) || !monitor.check().use().equals(ReplicaMonitor.Use.REPLICA))) {
                throw e;
            }
            log.warn("A read failed on the replica ({}); read again on the primary.", e.getMostSpecificCause().toString());
            scope.mayUseReplica = false;
            return readOnly.execute(status -> work.get());
        } finally {
            CURRENT.remove();
        }
    }

    private static boolean conflictWithRecovery(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && CONFLICT_WITH_RECOVERY.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
