package nl.buitenin.platform;

/** A named thing does not exist (HTTP 404). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " does not exist");
    }
}
