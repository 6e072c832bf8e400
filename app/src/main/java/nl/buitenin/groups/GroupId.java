package nl.buitenin.groups;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/** A customer group's id. */
public record GroupId(@JsonValue UUID value) {

    public GroupId {
        java.util.Objects.requireNonNull(value, "value");
    }

    public static GroupId random() {
        return new GroupId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
