package nl.buitenin.privacy;

import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The pseudonymous key of a person: all that modules other than {@code privacy} hold. It is derived
 * with a keyed hash from the organisation's own customer id, so the same customer always maps to the
 * same key, and nobody without the instance secret can go back from key to customer.
 * Form: {@code p_} followed by 26 base32 characters (128 bits).
 */
public record PersonKey(@JsonValue String value) {

    private static final Pattern FORM = Pattern.compile("p_[a-z2-7]{26}");

    public PersonKey {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("not a person key (p_ and 26 base32 characters): " + value);
        }
    }

    public static boolean isValid(String value) {
        return value != null && FORM.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
