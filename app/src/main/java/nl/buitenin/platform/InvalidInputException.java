package nl.buitenin.platform;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Input that breaks a rule of the domain. Rendered as an RFC 9457 problem (HTTP 400) listing each
 * field, row or line that is wrong; the web forms show the same messages next to their fields.
 */
public class InvalidInputException extends RuntimeException {

    private final List<FieldError> errors;

    /** Prefer {@link #of}: a message given as text is shown in English to every reader. */
    public InvalidInputException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    /** One field that is wrong, told through the message {@code key} (with {@code {0}}-style {@code args}) of a module's texts. */
    public static InvalidInputException of(String field, String key, Object... args) {
        return new InvalidInputException(List.of(FieldError.of(field, key, args)));
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

    /**
     * A field (or {@code row 12}, {@code line 3}, {@code items[4].time}) and what is wrong with it. With a message
     * {@code key} (and its {@code args}) the problem is told in the reader's language wherever it is shown (API
     * problems, form errors); {@code message} is the English text, used where no translation is found. Serializable:
     * pages hand errors on as flash attributes, which live in the shared session store (Spring Session JDBC).
     */
    public record FieldError(@Nullable String field, String message, @JsonIgnore @Nullable String key,
            @JsonIgnore List<Object> args) implements java.io.Serializable {

        public FieldError {
            args = args == null ? List.of() : List.copyOf(args);
        }

        public FieldError(@Nullable String field, String message) {
            this(field, message, null, List.of());
        }

        /** An error told through the message {@code key} of a module's texts; {@code english} is its English wording. */
        public static FieldError translated(String field, String key, String english, Object... args) {
            return new FieldError(field, english, key, List.of(args));
        }

        /**
         * An error told through the message {@code key} of a module's texts, its English wording taken from
         * {@code i18n/<module>_en.properties}. Whole-number arguments are shown as written (no thousands separator).
         */
        public static FieldError of(@Nullable String field, String key, Object... args) {
            List<Object> plain = EnglishTexts.plain(args);
            return new FieldError(field, EnglishTexts.format(key, plain), key, plain);
        }

        /**
         * A message key used as an argument, such as a status ({@code loop.status.new}): it is told in the reader's
         * language inside the message, like the message itself.
         */
        public static MessageSourceResolvable term(String key) {
            return new DefaultMessageSourceResolvable(new String[] {key}, null, key);
        }

        /** The same error for another field, e.g. {@code volumes[3].offered} for {@code offered} of the fourth item. */
        public FieldError in(String otherField) {
            return new FieldError(otherField, message, key, args);
        }
    }
}
