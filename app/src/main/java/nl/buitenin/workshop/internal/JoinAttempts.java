package nl.buitenin.workshop.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Wrong join codes per user: after {@link #MAX_WRONG} wrong codes within {@link #WINDOW} a user may try no code at all
 * until the oldest wrong try is older than the window. Kept in memory: a restart forgets the tries, which costs a
 * guesser more than it gains them, and several instances each count their own (see docs/workshop.md).
 */
@Component
class JoinAttempts {

    static final int MAX_WRONG = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final Clock clock;
    private final Map<String, Deque<Instant>> wrong = new ConcurrentHashMap<>();

    JoinAttempts(Clock clock) {
        this.clock = clock;
    }

    /** Whether the user may try a code now. */
    boolean allowed(String username) {
        Deque<Instant> tries = wrong.get(username);
        if (tries == null) {
            return true;
        }
        synchronized (tries) {
            Instant since = clock.instant().minus(WINDOW);
            while (!tries.isEmpty() && tries.peekFirst().isBefore(since)) {
                tries.pollFirst();
            }
            return tries.size() < MAX_WRONG;
        }
    }

    void wrong(String username) {
        Deque<Instant> tries = wrong.computeIfAbsent(username, u -> new ArrayDeque<>());
        synchronized (tries) {
            tries.addLast(clock.instant());
        }
    }
}
