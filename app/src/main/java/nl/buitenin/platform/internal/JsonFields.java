package nl.buitenin.platform.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

import nl.buitenin.platform.InvalidInputException.FieldError;

/** The field of a JSON body that Jackson could not read into its type, named as the API names fields: {@code volumes[0].intervalStart}. */
final class JsonFields {

    private JsonFields() {
    }

    static Optional<FieldError> wrongValue(Throwable error) {
        for (Throwable cause : causes(error)) {
            // Broken JSON inside a field carries that field's path too, but it is not a value of the wrong kind (brokenAt).
            if (cause instanceof JacksonException jackson && !(cause instanceof StreamReadException) && !jackson.getPath().isEmpty()) {
                String field = path(jackson);
                if (field.isEmpty()) {
                    return Optional.empty();
                }
                Object value = jackson instanceof InvalidFormatException format ? format.getValue() : null;
                return Optional.of(value == null ? FieldError.of(field, "platform.invalid.type")
                        : FieldError.of(field, "platform.invalid.value", shorten(String.valueOf(value))));
            }
        }
        return Optional.empty();
    }

    /**
     * The message key for a body of the wrong shape as a whole (a list where the endpoint takes an object, a word, or
     * nothing): Jackson's own message for it names the application's internal types, which a caller cannot act on.
     */
    static Optional<String> wrongShape(Throwable error) {
        for (Throwable cause : causes(error)) {
            if (cause instanceof MismatchedInputException mismatch && mismatch.getPath().isEmpty()) {
                Class<?> target = mismatch.getTargetType();
                boolean list = target != null && (target.isArray() || Collection.class.isAssignableFrom(target));
                return Optional.of(list ? "platform.unreadable.list" : "platform.unreadable.object");
            }
        }
        return Optional.empty();
    }

    /**
     * The line and column where a body stops being JSON (broken syntax, a body cut off), as Jackson's parser found them:
     * its own message around them is English and quotes the parser's internals.
     */
    static Optional<Place> brokenAt(Throwable error) {
        for (Throwable cause : causes(error)) {
            if (cause instanceof StreamReadException broken && broken.getLocation() != null && broken.getLocation().getLineNr() > 0) {
                return Optional.of(new Place(broken.getLocation().getLineNr(), broken.getLocation().getColumnNr()));
            }
        }
        return Optional.empty();
    }

    /** A place in a body: its line and column, from 1. */
    record Place(int line, int column) {
    }

    /** The error and its causes, outermost first. */
    private static List<Throwable> causes(Throwable error) {
        List<Throwable> causes = new ArrayList<>();
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            causes.add(cause);
        }
        return causes;
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String shorten(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
