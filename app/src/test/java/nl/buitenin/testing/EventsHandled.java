package nl.buitenin.testing;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.TargetEventPublication;

/**
 * Waits until the listeners of the events published since {@link #since} are done, as the event publication
 * registry tells it, instead of sleeping for a while and hoping they are. A listener that publishes an event of
 * its own stores that publication in its own transaction, before its own is marked complete, so a chain of
 * listeners is waited for as a whole. A publication whose listener failed counts as done: it waits for a
 * resubmission that only the test can start. Publications that were already unfinished before {@code since}
 * (left by an earlier test in the same context) are not waited for.
 */
public final class EventsHandled {

    private static final Duration AT_MOST = Duration.ofSeconds(60);

    private final EventPublicationRegistry registry;
    private final Set<UUID> before;

    private EventsHandled(EventPublicationRegistry registry, Set<UUID> before) {
        this.registry = registry;
        this.before = before;
    }

    /** Remembers which publications are unfinished now; call it before publishing. */
    public static EventsHandled since(EventPublicationRegistry registry) {
        return new EventsHandled(registry, registry.findIncompletePublications().stream().map(EventPublication::getIdentifier)
                .collect(Collectors.toUnmodifiableSet()));
    }

    /** Waits for every unfinished publication, also those from before: for a test that owns its context's events. */
    public static EventsHandled all(EventPublicationRegistry registry) {
        return new EventsHandled(registry, Set.of());
    }

    /** Returns once every publication since {@link #since} is completed (or failed); fails after 60 seconds. */
    public void await() throws InterruptedException {
        long deadline = System.nanoTime() + AT_MOST.toNanos();
        List<TargetEventPublication> pending = pending();
        while (!pending.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("events still being handled after " + AT_MOST.toSeconds() + " s: " + pending.stream()
                        .map(p -> p.getEvent().getClass().getSimpleName() + " → " + p.getTargetIdentifier().getValue()).toList());
            }
            Thread.sleep(10);
            pending = pending();
        }
    }

    private List<TargetEventPublication> pending() {
        return registry.findIncompletePublications().stream()
                .filter(p -> !before.contains(p.getIdentifier()) && p.getStatus() != EventPublication.Status.FAILED).toList();
    }
}
