package nl.buitenin.journey;

import java.util.Objects;
import java.util.UUID;

/** Identifies a journey ("klantreis"). */
public record JourneyId(UUID value) {

    public JourneyId {
        Objects.requireNonNull(value, "journey id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
