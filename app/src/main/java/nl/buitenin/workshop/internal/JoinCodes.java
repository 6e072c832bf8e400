package nl.buitenin.workshop.internal;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Join codes: six characters from an alphabet without look-alikes (no 0/O, 1/I/L), so a code read off a projector is
 * typed right on a phone. 31 characters to the power 6 is about 887 million codes; with wrong tries limited per user
 * ({@link JoinAttempts}) guessing an open workshop's code is hopeless.
 */
public final class JoinCodes {

    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    static final int LENGTH = 6;

    private static final SecureRandom RANDOM = new SecureRandom();

    private JoinCodes() {
    }

    static String next() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /**
     * The code as typed, in capitals, without spaces or dashes ("abc-d2e" is ABCD2E); a look-alike that cannot be in a
     * code is read as what it resembles (O as 0 is not in the alphabet, so O stays O and is simply wrong).
     */
    public static String normalise(String typed) {
        return typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    /** The code in two halves for the room: "ABC DEF". */
    public static String spaced(String code) {
        return code.length() == LENGTH ? code.substring(0, 3) + " " + code.substring(3) : code;
    }
}
