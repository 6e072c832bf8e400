package nl.buitenin.platform;

/** The request clashes with the current state, such as a second payment of a paid order (HTTP 409). */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
