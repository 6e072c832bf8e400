package nl.buitenin.access;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Serializable: it is part of the signed-in user that the shared session store (Spring Session JDBC) keeps. */
public record UserId(UUID value) implements Serializable {

    public UserId {
        Objects.requireNonNull(value, "user id");
    }

    public static UserId random() {
        return new UserId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
