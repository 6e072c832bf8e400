package nl.buitenin.journey.internal;

import java.util.List;

import nl.buitenin.journey.TouchpointReference;

/** A journey, stage or touchpoint cannot be deleted: the message and the references say what still refers to it. */
public class InUseException extends RuntimeException {

    private final transient List<TouchpointReference> references;

    InUseException(String message, List<TouchpointReference> references) {
        super(message);
        this.references = List.copyOf(references);
    }

    public List<TouchpointReference> references() {
        return references;
    }
}
