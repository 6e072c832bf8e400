package nl.buitenin.contact;

import java.time.Instant;
import java.util.Objects;

/** An invitation or reminder the person already received, from any survey. */
public record PastContact(Instant at, ContactKind kind) {

    public PastContact {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
    }
}
