package nl.buitenin.loop;

import java.util.Objects;
import java.util.UUID;

/** Identifies an improvement action. */
public record ActionId(UUID value) {

    public ActionId {
        Objects.requireNonNull(value, "action id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
