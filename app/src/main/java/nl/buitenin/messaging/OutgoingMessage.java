package nl.buitenin.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

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
public record OutgoingMessage(String reference, PersonKey person, String to, String subject, String text, String html) {

    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public OutgoingMessage {
        List<FieldError> errors = new ArrayList<>();
        if (reference == null || reference.isBlank() || reference.length() > 200) {
            errors.add(new FieldError("reference", "must be 1 to 200 characters"));
        }
        if (to == null || !ADDRESS.matcher(to).matches() || to.length() > 320) {
            errors.add(new FieldError("to", "is not an e-mail address"));
        }
        if (subject == null || subject.isBlank() || subject.length() > 300 || subject.contains("\n")) {
            errors.add(new FieldError("subject", "must be one line of 1 to 300 characters"));
        }
        if (text == null || text.isBlank()) {
            errors.add(new FieldError("text", "must not be empty"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
