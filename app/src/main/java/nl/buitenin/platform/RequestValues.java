package nl.buitenin.platform;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads the values of a request (query parameters, form fields, texts in a JSON body) the same way in every web
 * adapter: white space around a value is dropped, a blank value counts as not given, and a value that cannot be read
 * is an {@link InvalidInputException} naming the field, told through the message key the caller gives (so each
 * module keeps its own wording, in the reader's language). Parameters that Spring binds itself (a {@code UUID} or
 * {@code Integer} parameter, paging) are refused through the platform's handlers with {@code platform.invalid.value};
 * these helpers are for values read as text, where a blank value means "not given" or the module words the error.
 * <p>
 * The message arguments are the caller's: a text with {@code {0}} gets the value as sent, a text without arguments
 * none (a message formatted with arguments treats an apostrophe differently from one without).
 */
public final class RequestValues {

    private RequestValues() {
    }

    /**
     * Reads a value with one of the other methods, adding its errors to {@code errors} (and giving null) instead of
     * throwing, so that a form names every wrong field at once.
     */
    public static <T> T collecting(List<InvalidInputException.FieldError> errors, Supplier<T> read) {
        try {
            return read.get();
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    /** Whether the value is absent or only white space. */
    public static boolean blank(String raw) {
        return raw == null || raw.isBlank();
    }

    /** The value without white space around it, or null when it is absent or blank. */
    public static String given(String raw) {
        return blank(raw) ? null : raw.strip();
    }

    /** The value without white space around it; refused with {@code key} when absent or blank. */
    public static String required(String field, String raw, String key, Object... args) {
        if (blank(raw)) {
            throw InvalidInputException.of(field, key, args);
        }
        return raw.strip();
    }

    /** The value read by one of the other methods; refused with {@code key} and {@code args} when it was not given. */
    public static <T> T require(T value, String field, String key, Object... args) {
        if (value == null) {
            throw InvalidInputException.of(field, key, args);
        }
        return value;
    }

    /** A date as 2026-03-01, or null when not given; refused with {@code key} and the value as sent when unreadable. */
    public static LocalDate date(String field, String raw, String key) {
        if (blank(raw)) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(field, key, raw);
        }
    }

    /** A UUID, or null when not given; refused with {@code key} and the value as sent when it is not one. */
    public static UUID uuid(String field, String raw, String key) {
        return id(field, raw, id -> id, key);
    }

    /** An id of the given type ({@code TouchpointId::new}), or null when not given; refused as {@link #uuid}. */
    public static <T> T id(String field, String raw, Function<UUID, T> type, String key) {
        if (blank(raw)) {
            return null;
        }
        UUID id;
        try {
            id = UUID.fromString(raw.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(field, key, raw);
        }
        return type.apply(id);
    }

    /**
     * One of the constants of {@code type}, named in any case, or null when not given; refused with {@code key} and
     * {@code args} when no constant has that name.
     */
    public static <E extends Enum<E>> E choice(String field, String raw, Class<E> type, String key, Object... args) {
        if (blank(raw)) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(field, key, args);
        }
    }

    /** As {@link #choice}, but a blank value is refused with {@code key} and {@code args} too. */
    public static <E extends Enum<E>> E requiredChoice(String field, String raw, Class<E> type, String key, Object... args) {
        return require(choice(field, raw, type, key, args), field, key, args);
    }

    /** A whole number, or null when not given; refused with {@code key} and the value as sent when it is not one. */
    public static Integer whole(String field, String raw, String key) {
        if (blank(raw)) {
            return null;
        }
        try {
            return Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(field, key, raw);
        }
    }

    /**
     * A number with a decimal point or comma (people write 4,5 in Dutch), or null when not given; refused with
     * {@code key} and the value as sent when it is not one.
     */
    public static Double decimal(String field, String raw, String key) {
        if (blank(raw)) {
            return null;
        }
        try {
            return Double.valueOf(raw.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(field, key, raw);
        }
    }
}
