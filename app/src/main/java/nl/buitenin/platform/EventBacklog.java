package nl.buitenin.platform;

/**
 * Back-pressure for the ways data comes in. Every batch that is stored publishes events whose listeners (counts,
 * derivations, text analysis) run afterwards on a few threads; a sender faster than those listeners would otherwise
 * pile their work up in memory until the node runs out of heap. A way in asks for room before it stores a batch: it
 * waits while the listeners' queue is full, and after a bounded wait refuses the batch with {@link BusyException}
 * (HTTP 503 with {@code Retry-After}), which a sender answers by sending the same batch again later (ingestion is
 * idempotent by source id).
 */
public interface EventBacklog {

    /** How an API that takes batches tells its callers about the wait and the 503, in its OpenAPI description. */
    String API_DESCRIPTION = "While Buitenin is still processing earlier data, the batch waits (BUITENIN_EVENTS_BACKLOG_WAIT, 30 s "
            + "by default) and is then refused with 503 Service Unavailable and a Retry-After header: nothing of it was stored; "
            + "send the same batch again after that many seconds.";

    /**
     * Returns once the listeners' queue is below its limit; throws {@link BusyException} when it stayed full for the
     * whole wait. Returns at once on a listener's own thread, which would otherwise wait for itself.
     */
    void awaitRoom();

    /** The listener invocations waiting for a thread now. */
    int queued();

    /**
     * Returns true once every listener invocation handed to the listeners' threads so far has ended, and nothing new
     * came in meanwhile; false when that did not happen within {@code within}. For a caller that must see what the
     * listeners make of its own writes before it goes on, such as the demo between its steps. A publication that failed
     * waits for the resubmission job and does not hold this up.
     */
    boolean awaitSettled(java.time.Duration within);
}
