package nl.buitenin.privacy.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.privacy.PersonKey;

/**
 * Derives a person key from the organisation's customer id: HMAC-SHA256 under a key of its own,
 * truncated to 128 bits and written in lower-case base32 (RFC 4648 alphabet, no padding).
 */
final class PersonKeys {

    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private final SecretKeySpec key;

    public PersonKeys(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    public PersonKey keyFor(String customerId) {
        String id = normalise(customerId);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] hash = mac.doFinal(id.getBytes(StandardCharsets.UTF_8));
            return new PersonKey("p_" + base32(hash, 26));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Customer ids are compared as written, without surrounding white space. */
    public static String normalise(String customerId) {
        if (customerId == null || customerId.isBlank()) {
            throw InvalidInputException.of("customerId", "privacy.invalid.required");
        }
        String id = customerId.strip();
        if (id.length() > 200) {
            throw InvalidInputException.of("customerId", "privacy.invalid.atMost", 200);
        }
        return id;
    }

    /** The first {@code characters} base32 characters of the bytes (5 bits each). */
    static String base32(byte[] bytes, int characters) {
        StringBuilder out = new StringBuilder(characters);
        int buffer = 0;
        int bits = 0;
        int index = 0;
        while (out.length() < characters) {
            if (bits < 5) {
                buffer = (buffer << 8) | (bytes[index++] & 0xff);
                bits += 8;
            }
            out.append(BASE32[(buffer >> (bits - 5)) & 31]);
            bits -= 5;
        }
        return out.toString();
    }
}
