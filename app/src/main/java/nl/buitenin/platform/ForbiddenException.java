package nl.buitenin.platform;

/**
 * The caller is signed in and may use the endpoint, but not for this thing, such as an API key bound to
 * another site (HTTP 403). The message says what the caller may not do and why.
 */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
