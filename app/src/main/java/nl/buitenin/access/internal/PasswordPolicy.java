package nl.buitenin.access.internal;

import java.util.Optional;

import nl.buitenin.platform.InvalidInputException.FieldError;

/**
 * Passwords of at least 12 characters that are not the username (NIST SP 800-63B: length over
 * composition rules).
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 12;

    private PasswordPolicy() {
    }

    /** What is wrong with the password (field {@code password}), if anything. */
    static Optional<FieldError> check(String password, String username) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of(FieldError.of("password", "access.invalid.passwordShort", MIN_LENGTH));
        }
        if (password.length() > 128) {
            return Optional.of(FieldError.of("password", "access.invalid.passwordLong", 128));
        }
        if (password.equalsIgnoreCase(username)) {
            return Optional.of(FieldError.of("password", "access.invalid.passwordIsUsername"));
        }
        return Optional.empty();
    }
}
