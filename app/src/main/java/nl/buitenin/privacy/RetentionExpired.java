package nl.buitenin.privacy;

import java.time.Instant;
import java.util.Objects;

/**
 * Data held for {@code purpose} and recorded before {@code cutoff} is past its retention: every module
 * deletes or anonymises what it holds for that purpose from before the cutoff.
 */
public record RetentionExpired(PurposeId purpose, Instant cutoff) {

    public RetentionExpired {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(cutoff, "cutoff");
    }
}
