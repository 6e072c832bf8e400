package nl.buitenin.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;

/**
 * How to reach a person. Every part is optional, but not all of them. The e-mail address is checked
 * for its form; a phone number is normalised to E.164 ({@code +31612345678}), Dutch notations such as
 * {@code 06-1234 5678}, {@code 020 123 4567} or {@code 0031 6 12345678} included.
 */
public record ContactDetails(@Nullable String name, @Nullable String email, @Nullable String phone) {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\\.[A-Za-z]{2,}");

    public ContactDetails {
        name = blankToNull(name);
        email = blankToNull(email);
        phone = blankToNull(phone);
        List<FieldError> errors = new ArrayList<>();
        if (name != null && name.length() > 200) {
            errors.add(FieldError.of("name", "privacy.invalid.atMost", 200));
        }
        if (email != null) {
            if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
                errors.add(FieldError.of("email", "privacy.invalid.email", email));
            } else {
                int at = email.lastIndexOf('@');
                email = email.substring(0, at) + email.substring(at).toLowerCase(Locale.ROOT);
            }
        }
        if (phone != null) {
            String normalised = PhoneNumbers.toE164(phone);
            if (normalised == null) {
                errors.add(FieldError.of("phone", "privacy.invalid.phone", phone));
            }
            phone = normalised;
        }
        if (name == null && email == null && phone == null && errors.isEmpty()) {
            errors.add(FieldError.of("contactDetails", "privacy.invalid.contactDetails"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** The values that identify the person, to be scrubbed from free text when they are forgotten. */
    public List<String> identifiers() {
        List<String> values = new ArrayList<>();
        if (name != null) {
            values.add(name);
        }
        if (email != null) {
            values.add(email);
        }
        if (phone != null) {
            values.add(phone);
        }
        return values;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
