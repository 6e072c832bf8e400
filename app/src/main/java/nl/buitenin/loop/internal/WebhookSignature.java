package nl.buitenin.loop.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature a receiver checks: header {@value #HEADER} = {@code t=<unix seconds>,v1=<hex HMAC-SHA256>}
 * over {@code <unix seconds>.<body>} with the subscription's secret (the scheme Stripe uses), so a
 * replayed old delivery can be refused by its timestamp.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Buitenin-Signature";

    private WebhookSignature() {
    }

    public static String header(String secret, long unixSeconds, String body) {
        return "t=" + unixSeconds + ",v1=" + hmacHex(secret, unixSeconds + "." + body);
    }

    /** What a receiver does: recompute and compare in constant time. */
    public static boolean verify(String secret, String header, String body) {
        // Without a secret nothing can be verified (and an empty HMAC key is refused by the JCE).
        if (secret == null || secret.isEmpty() || header == null || !header.startsWith("t=") || !header.contains(",v1=")) {
            return false;
        }
        String timestamp = header.substring(2, header.indexOf(','));
        String signature = header.substring(header.indexOf(",v1=") + 4);
        byte[] expected = hmacHex(secret, timestamp + "." + body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }

    static String hmacHex(String secret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
