package nl.buitenin.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;
import nl.buitenin.privacy.PersonKey;

/**
 * An e-mail to send.
 *
 * @param reference what the message is for, unique: queuing the same reference twice sends once
 *                  (e.g. {@code invitation:<id>}, {@code told-back:<action>:<person>})
 * @param person    whom it is about, so it can be dropped when they are forgotten; null for staff
 * @param to        the address
 * @param subject   the subject line
 * @param text      the plain-text body
 * @param html      an HTML body, or null
 */
public record OutgoingMessage(String reference, @Nullable PersonKey person, String to, String subject, String text,
        @Nullable String html) {

    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public OutgoingMessage {
        List<FieldError> errors = new ArrayList<>();
        if (reference == null || reference.isBlank() || reference.length() > 200) {
            errors.add(FieldError.of("reference", "messaging.invalid.reference"));
        }
        if (to == null || !ADDRESS.matcher(to).matches() || to.length() > 320) {
            errors.add(FieldError.of("to", "messaging.invalid.to"));
        }
        if (subject == null || subject.isBlank() || subject.length() > 300 || subject.contains("\n")) {
            errors.add(FieldError.of("subject", "messaging.invalid.subject"));
        }
        if (text == null || text.isBlank()) {
            errors.add(FieldError.of("text", "messaging.invalid.text"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
