package nl.buitenin.platform.internal;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Warns at start when the database pool is too small for the event threads. An event listener holds a connection for
 * its transaction and may take a second one for a short transaction of its own (a refusal logged apart, a read
 * committed before a suggestion); the scheduler and a request need one each. With fewer connections than twice the
 * threads plus two, every connection can end up held by a listener waiting for another one: nothing moves until the
 * pool's timeout fails them all.
 */
@Component
class ConnectionBudget {

    private static final Logger log = LoggerFactory.getLogger(ConnectionBudget.class);

    ConnectionBudget(Environment environment) {
        int pool = environment.getProperty("spring.datasource.hikari.maximum-pool-size", Integer.class, 10);
        int threads = environment.getProperty("spring.task.execution.pool.core-size", Integer.class, 8);
        shortfall(pool, threads).ifPresent(log::warn);
    }

    /** The fewest connections that {@code threads} event threads can never exhaust. */
    static int needed(int threads) {
        return 2 * threads + 2;
    }

    /** A warning when {@code pool} connections are too few for {@code threads} event threads. */
    static Optional<String> shortfall(int pool, int threads) {
        if (pool >= needed(threads)) {
            return Optional.empty();
        }
        return Optional.of("BUITENIN_DB_POOL is " + pool + " for " + threads + " event threads (BUITENIN_EVENTS_THREADS): "
                + "listeners can hold every connection while each waits for a second one. Use at least " + needed(threads)
                + " connections or at most " + Math.max(1, (pool - 2) / 2) + " event threads.");
    }
}
