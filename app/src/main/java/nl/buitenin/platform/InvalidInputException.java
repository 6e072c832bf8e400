package nl.buitenin.platform;

import java.util.List;

/**
 * Input that breaks a rule of the domain. Rendered as an RFC 9457 problem (HTTP 400) listing each
 * field, row or line that is wrong; the web forms show the same messages next to their fields.
 */
public class InvalidInputException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public InvalidInputException(List<FieldError> errors) {
        super(describe(errors));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid input needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    private static String describe(List<FieldError> errors) {
        StringBuilder text = new StringBuilder();
        for (FieldError error : errors) {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append(error.field()).append(": ").append(error.message());
        }
        return text.toString();
    }

    /** A field (or {@code row 12}, {@code line 3}, {@code items[4].time}) and what is wrong with it. */
    public record FieldError(String field, String message) {
    }
}
