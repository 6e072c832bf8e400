package nl.buitenin.journey;

import java.util.Objects;
import java.util.UUID;

/** Identifies a touchpoint ("contactmoment"): where in a journey, on which channel, a person meets the organisation. */
public record TouchpointId(UUID value) {

    public TouchpointId {
        Objects.requireNonNull(value, "touchpoint id");
    }

    public static TouchpointId of(String text) {
        try {
            return new TouchpointId(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("not a touchpoint id: " + text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
