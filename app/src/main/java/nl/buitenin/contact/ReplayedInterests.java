package nl.buitenin.contact;

import java.time.Instant;

import nl.buitenin.journey.InteractionKind;
import nl.buitenin.privacy.PersonKey;

/**
 * Interests built in memory from interactions replayed in time order, for {@code simulate-policy}: the module that keeps
 * interests (offers) implements it with the same settings and fading as its live interests, so the simulation asks the
 * offer rules the same question the live decisions ask. Found with {@link java.util.ServiceLoader} (no Spring in a
 * command-line tool), so that contact need not depend on offers.
 */
public interface ReplayedInterests extends Interests {

    /** Adds one interaction; interactions arrive in time order. */
    void record(PersonKey person, String topic, InteractionKind kind, Instant at);
}
