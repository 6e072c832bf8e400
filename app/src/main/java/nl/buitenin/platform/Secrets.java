package nl.buitenin.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The instance secret ({@code BUITENIN_SECRET}) and the keys derived from it. Each use gets its own
 * key by label (HMAC-SHA256 of the label under the secret, as in HKDF-Expand with one block), so a
 * key leaked from one use does not reveal another.
 */
public final class Secrets {

    private final byte[] master;

    public Secrets(byte[] master) {
        if (master.length < 32) {
            throw new IllegalArgumentException("the instance secret must have at least 32 bytes of key material");
        }
        this.master = master.clone();
    }

    /** A 32-byte key for one use, for example {@code "privacy.contact-details"}. */
    public byte[] key(String label) {
        return hmac(master, label.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
