package nl.buitenin.signals.internal.missed;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import nl.buitenin.journey.Channel;
import nl.buitenin.privacy.PersonKey;

/**
 * One missed sale: what was asked for (as written), on which channel and at which location, why it could not be offered,
 * an optional note and the optional pseudonymous key of who asked, when it was asked, and who logged it (null for a
 * till or booking system).
 */
public record MissedSale(String sourceId, String askedFor, Channel channel, @Nullable String location, MissedReason reason,
        @Nullable String note, @Nullable PersonKey person, Instant askedAt, @Nullable UUID recordedBy) {

    public String askedKey() {
        return AskedFor.key(askedFor);
    }
}
