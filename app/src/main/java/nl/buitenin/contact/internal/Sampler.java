package nl.buitenin.contact.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import nl.buitenin.journey.TouchpointId;
import nl.buitenin.privacy.PersonKey;

/**
 * Decides whether a person is in the sample for a touchpoint in a period: HMAC-SHA256 of person,
 * touchpoint and period number under a secret key, read as a number in [0, 1). The same inputs
 * always give the same draw (reproducible, and a person who contacts us five times in a period is
 * not asked five times at random), while nobody without the key can predict or steer it.
 */
public final class Sampler {

    private final ThreadLocal<Mac> macs;

    public Sampler(byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException("the sampling key needs at least 16 bytes");
        }
        byte[] copy = key.clone();
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(copy, "HmacSHA256"));
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is not available", e);
            }
        });
    }

    /** A number in [0, 1), uniform over people, fixed for this person, touchpoint and period. */
    public double draw(PersonKey person, TouchpointId touchpoint, long period) {
        Mac mac = macs.get();
        mac.update(person.value().getBytes(StandardCharsets.US_ASCII));
        ByteBuffer buffer = ByteBuffer.allocate(24);
        buffer.putLong(touchpoint.value().getMostSignificantBits()).putLong(touchpoint.value().getLeastSignificantBits()).putLong(period);
        mac.update(buffer.array());
        long bits = ByteBuffer.wrap(mac.doFinal()).getLong() >>> 11;
        return bits * 0x1.0p-53;
    }

    public boolean inSample(PersonKey person, TouchpointId touchpoint, long period, double share) {
        return share >= 1.0 || (share > 0.0 && draw(person, touchpoint, period) < share);
    }
}
