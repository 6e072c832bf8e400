package nl.buitenin.platform;

import java.util.List;

/**
 * A named thing does not exist (HTTP 404). {@code thing} is the message key of the thing's name, such as
 * {@code journey.thing.journey}, so the problem reads "klantreis … bestaat niet" for a Dutch reader.
 */
public class NotFoundException extends RuntimeException {

    private final String thing;
    private final String id;

    public NotFoundException(String thing, Object id) {
        super(EnglishTexts.format("platform.notFound", List.of(EnglishTexts.format(thing, List.of()), String.valueOf(id))));
        this.thing = thing;
        this.id = String.valueOf(id);
    }

    /** The message key of the thing's name (or its English name where no key was given). */
    public String thing() {
        return thing;
    }

    public String id() {
        return id;
    }
}
