package nl.buitenin.journey;

import java.util.Objects;
import java.util.UUID;

/** Identifies a stage ("fase") of a journey. */
public record StageId(UUID value) {

    public StageId {
        Objects.requireNonNull(value, "stage id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
