package nl.buitenin.journey;

import java.util.Objects;

/**
 * One kind of thing that refers to touchpoints.
 *
 * @param kind  a stable code for machines, such as {@code listening.surveys}
 * @param count how many there are
 * @param text  what they are, in the reader's language, naming a few ("3 surveys target it: X, Y")
 */
public record TouchpointReference(String kind, long count, String text) {

    public TouchpointReference {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }
}
