package nl.buitenin.platform.internal;

import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;

import nl.buitenin.platform.InvalidInputException.FieldError;

/** The field of a JSON body that Jackson could not read into its type, named as the API names fields: {@code volumes[0].intervalStart}. */
final class JsonFields {

    private JsonFields() {
    }

    static Optional<FieldError> wrongValue(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
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
