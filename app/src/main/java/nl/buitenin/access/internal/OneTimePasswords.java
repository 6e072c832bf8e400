package nl.buitenin.access.internal;

import java.security.SecureRandom;

/** Random passwords for a first sign-in; the user must replace them at once. */
public final class OneTimePasswords {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private OneTimePasswords() {
    }

    /** A random password that the password policy accepts (a draw that happens to hold a long run is drawn again). */
    public static String next() {
        while (true) {
            StringBuilder password = new StringBuilder();
            for (int i = 0; i < 16; i++) {
                password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            if (PasswordPolicy.check(password.toString(), null).isEmpty()) {
                return password.toString();
            }
        }
    }
}
