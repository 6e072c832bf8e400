package nl.buitenin.testing;

import java.util.UUID;

/**
 * Names that no other test uses. Tests share a database per Spring context, and names that must be unique
 * (journeys, for one) would otherwise clash between test classes or repeated runs of a method.
 */
public final class Unique {

    private Unique() {
    }

    /** The base followed by a space and eight random hexadecimal characters. */
    public static String name(String base) {
        return base + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A person key (p_ and 26 letters of base 32) no other test uses. */
    public static String personKey() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        StringBuilder key = new StringBuilder("p_");
        for (int i = 0; i < 26; i++) {
            key.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return key.toString();
    }
}
