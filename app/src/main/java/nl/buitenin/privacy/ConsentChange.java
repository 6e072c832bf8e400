package nl.buitenin.privacy;

import java.time.Instant;
import java.util.Objects;

/**
 * One change of consent: given or withdrawn, when and through which channel (for example "web",
 * "own-page", "api", "phone").
 */
public record ConsentChange(PurposeId purpose, boolean given, Instant at, String channel) {

    public ConsentChange {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(channel, "channel");
    }
}
