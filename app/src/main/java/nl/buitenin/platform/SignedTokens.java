package nl.buitenin.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Signed, expiring tokens for links that work without signing in (an invitation to answer a survey,
 * the person's own page). A token carries its purpose, a subject (an opaque id, never personal data)
 * and an expiry, signed with HMAC-SHA256 under a key derived from the instance secret; a changed
 * character, another purpose or a passed expiry makes it worthless. Whether a token may be used only
 * once is decided by {@link OneTimeTokens}.
 */
public final class SignedTokens {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;

    public SignedTokens(Secrets secrets) {
        this.key = secrets.key("platform.signed-tokens");
    }

    /** Why a token was not accepted; pages show a friendly text for each. */
    public enum Refusal { MALFORMED, TAMPERED, WRONG_PURPOSE, EXPIRED, USED }

    /** A verified token's content. */
    public record Claims(String purpose, String subject, Instant expiresAt, String nonce) {
    }

    /** The outcome of checking a token: its claims, or why it was refused. */
    public record Verification(Optional<Claims> claims, @Nullable Refusal refusal) {

        static Verification ok(Claims claims) {
            return new Verification(Optional.of(claims), null);
        }

        static Verification refused(Refusal refusal) {
            return new Verification(Optional.empty(), refusal);
        }

        public boolean valid() {
            return claims.isPresent();
        }
    }

    public String issue(String purpose, String subject, Instant expiresAt) {
        requireText(purpose, "purpose");
        requireText(subject, "subject");
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        String payload = purpose + "|" + subject + "|" + expiresAt.getEpochSecond() + "|" + ENCODER.encodeToString(nonce);
        String encoded = ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return encoded + "." + ENCODER.encodeToString(Secrets.hmac(key, encoded.getBytes(StandardCharsets.US_ASCII)));
    }

    public Verification verify(@Nullable String token, String expectedPurpose, Instant now) {
        if (token == null || token.length() > 1000) {
            return Verification.refused(Refusal.MALFORMED);
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Verification.refused(Refusal.MALFORMED);
        }
        String encoded = token.substring(0, dot);
        byte[] signature;
        String payload;
        try {
            signature = DECODER.decode(token.substring(dot + 1));
            payload = new String(DECODER.decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Verification.refused(Refusal.MALFORMED);
        }
        if (!MessageDigest.isEqual(signature, Secrets.hmac(key, encoded.getBytes(StandardCharsets.US_ASCII)))) {
            return Verification.refused(Refusal.TAMPERED);
        }
        // Base64 leaves a few bits of the last character unused, and the decoder takes padding too: without this check
        // one signature has several spellings, and a spent one-time token (remembered by its spelling) could be used
        // again under another. Only the spelling issue() gives is accepted.
        if (!ENCODER.encodeToString(signature).equals(token.substring(dot + 1))) {
            return Verification.refused(Refusal.TAMPERED);
        }
        String[] parts = payload.split("\\|", -1);
        if (parts.length != 4) {
            return Verification.refused(Refusal.MALFORMED);
        }
        if (!parts[0].equals(expectedPurpose)) {
            return Verification.refused(Refusal.WRONG_PURPOSE);
        }
        Instant expiresAt;
        try {
            expiresAt = Instant.ofEpochSecond(Long.parseLong(parts[2]));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            // Only a payload signed with this key gets here; found by SignedTokensFuzzTest all the same.
            return Verification.refused(Refusal.MALFORMED);
        }
        if (!now.isBefore(expiresAt)) {
            return Verification.refused(Refusal.EXPIRED);
        }
        return Verification.ok(new Claims(parts[0], parts[1], expiresAt, parts[3]));
    }

    /** A stable fingerprint of a token, to remember it was used without storing the token itself. */
    public static String fingerprint(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank() || value.contains("|")) {
            throw new IllegalArgumentException(name + " must be non-blank and without '|': " + value);
        }
    }
}
