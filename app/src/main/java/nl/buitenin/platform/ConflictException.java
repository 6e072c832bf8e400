package nl.buitenin.platform;

import java.util.List;

import nl.buitenin.platform.InvalidInputException.FieldError;

/**
 * The request clashes with the current state, such as a second payment of a paid order (HTTP 409). Told through
 * a message key so the reader gets it in their own language; the exception's own message is the English text.
 */
public class ConflictException extends RuntimeException {

    private final String key;
    private final List<Object> args;

    /** {@code key} names the text in a module's {@code i18n} bundle; {@code args} fill its {@code {0}} placeholders. */
    public ConflictException(String key, Object... args) {
        this(key, EnglishTexts.plain(args));
    }

    private ConflictException(String key, List<Object> args) {
        super(EnglishTexts.format(key, args));
        this.key = key;
        this.args = args;
    }

    public String key() {
        return key;
    }

    public List<Object> args() {
        return args;
    }

    /** The conflict as an error of a form field, for a page that shows it next to that field. */
    public FieldError error(String field) {
        return new FieldError(field, getMessage(), key, args);
    }
}
