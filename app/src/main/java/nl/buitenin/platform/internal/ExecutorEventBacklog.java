package nl.buitenin.platform.internal;

import java.time.Duration;
import java.util.concurrent.ThreadPoolExecutor;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

import nl.buitenin.platform.BusyException;
import nl.buitenin.platform.EventBacklog;

/**
 * The backlog of the executor that runs event listeners after a commit (Boot's {@code applicationTaskExecutor}, whose
 * queue is otherwise unbounded). Its queue holds every published event until a thread takes it, so the queue's length is
 * what grows in the heap while senders outpace the listeners (measured in the scale benchmark: 510 MB before this).
 * Every publication is also in the database's publication log, so a refused batch loses nothing either way; the limit
 * only keeps memory bounded. Polls the queue every few milliseconds while it waits: a full queue is the exception.
 */
@Component
class ExecutorEventBacklog implements EventBacklog {

    private static final Logger log = LoggerFactory.getLogger(ExecutorEventBacklog.class);
    private static final long POLL_MILLIS = 5;

    private final @Nullable ThreadPoolTaskExecutor executor;
    private final int limit;
    private final Duration wait;

    ExecutorEventBacklog(@Qualifier("applicationTaskExecutor") TaskExecutor executor,
            @Value("${buitenin.events.backlog:200}") int limit, @Value("${buitenin.events.backlog-wait:PT30S}") Duration wait) {
        this.executor = executor instanceof ThreadPoolTaskExecutor pool ? pool : null;
        if (this.executor == null) {
            log.info("Event listeners run on {}, which has no queue to bound: ingestion does not wait for them",
                    executor.getClass().getSimpleName());
        }
        this.limit = Math.max(1, limit);
        this.wait = wait;
    }

    @Override
    public int queued() {
        if (executor == null) {
            return 0;
        }
        try {
            ThreadPoolExecutor pool = executor.getThreadPoolExecutor();
            return pool.getQueue().size();
        } catch (IllegalStateException notRunning) {
            // Not initialised yet, or already closed (a request that arrives while the application starts or stops):
            // no listener can run, so nothing is queued that waiting would drain.
            return 0;
        }
    }

    @Override
    public void awaitRoom() {
        if (executor == null || onListenerThread()) {
            return;
        }
        long deadline = System.nanoTime() + wait.toNanos();
        while (queued() >= limit) {
            if (System.nanoTime() - deadline >= 0) {
                log.warn("Refused a batch: {} listener invocations still queued after {} (limit {})", queued(), wait, limit);
                throw new BusyException("platform.busy", retryAfter());
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BusyException("platform.busy", retryAfter());
            }
        }
    }

    @Override
    public boolean awaitSettled(Duration within) {
        if (executor == null) {
            return true;
        }
        long deadline = System.nanoTime() + within.toNanos();
        long seen = -1;
        while (true) {
            long handed;
            long ended;
            try {
                ThreadPoolExecutor pool = executor.getThreadPoolExecutor();
                // Read the ended ones first: a task that ends between the reads then shows as not ended, never the reverse.
                ended = pool.getCompletedTaskCount();
                handed = pool.getTaskCount();
            } catch (IllegalStateException notRunning) {
                return true;
            }
            // Settled when all handed tasks ended, twice in a row with the same count: a listener that publishes another
            // event hands it over before it ends, so the second look would see the new task.
            if (handed == ended) {
                if (handed == seen) {
                    return true;
                }
                seen = handed;
            } else {
                seen = -1;
            }
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** A few seconds (at most the wait, at least one): a queue at its limit drains by hundreds of invocations a second. */
    private Duration retryAfter() {
        Duration few = wait.compareTo(Duration.ofSeconds(5)) < 0 ? wait : Duration.ofSeconds(5);
        return few.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : few;
    }

    private boolean onListenerThread() {
        return executor != null && Thread.currentThread().getName().startsWith(executor.getThreadNamePrefix());
    }
}
