package nl.buitenin.offers.internal;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Exponential fading of an interest: a weight {@code w} held at {@code t0} is {@code w · 2^(−(t − t0) / h)} at {@code t},
 * so it halves exactly once per half-life {@code h}. A state keeps only the weight at a reference moment and that moment,
 * so the weight at any instant costs one power, whatever the length of the person's history; adding an interaction moves
 * the reference forward (or, for one that arrives late, adds its faded weight at the reference). Plain Java.
 */
public final class Fading {

    private Fading() {
    }

    /** A weight held at a moment. */
    public record State(double weight, Instant at) {
    }

    /** The factor by which a weight shrinks over {@code elapsed}: 1 at zero, ½ after one half-life. */
    public static double factor(Duration elapsed, Duration halfLife) {
        double seconds = elapsed.toNanos() / 1e9;
        return Math.pow(2, -seconds / (halfLife.toNanos() / 1e9));
    }

    /** The weight of the state at {@code at}; a moment before the state's own is read as the state itself (no growth backwards). */
    public static double weightAt(State state, Instant at, Duration halfLife) {
        if (!at.isAfter(state.at())) {
            return state.weight();
        }
        return state.weight() * factor(Duration.between(state.at(), at), halfLife);
    }

    /** The state after an interaction of {@code weight} at {@code at}; {@code state} may be null (the first interaction). */
    public static State add(@Nullable State state, double weight, Instant at, Duration halfLife) {
        if (state == null) {
            return new State(weight, at);
        }
        if (!at.isBefore(state.at())) {
            return new State(weightAt(state, at, halfLife) + weight, at);
        }
        // Late: the reference stays, the interaction adds what is left of it at the reference.
        return new State(state.weight() + weight * factor(Duration.between(at, state.at()), halfLife), state.at());
    }
}
