package nl.buitenin.messaging;

/** Queues messages to be sent after the current transaction commits. */
public interface Outbox {

    /**
     * Queues the message in the caller's transaction; returns false (and queues nothing) when a
     * message with the same reference was queued before.
     */
    boolean queue(OutgoingMessage message);
}
