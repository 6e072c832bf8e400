package nl.buitenin.access.internal;

import java.util.Optional;

/**
 * Passwords of at least 12 characters that are not the username (NIST SP 800-63B: length over
 * composition rules).
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 12;

    private PasswordPolicy() {
    }

    static Optional<String> check(String password, String username) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("must have at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > 128) {
            return Optional.of("must have at most 128 characters");
        }
        if (password.equalsIgnoreCase(username)) {
            return Optional.of("must differ from the username");
        }
        return Optional.empty();
    }
}
