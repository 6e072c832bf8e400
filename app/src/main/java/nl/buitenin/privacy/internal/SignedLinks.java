package nl.buitenin.privacy.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

import nl.buitenin.platform.PublicAddress;
import nl.buitenin.platform.Secrets;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.PersonLinks;

/**
 * Links to a person's own page: {@code /mijn-gegevens/<payload>.<signature>}, where the payload is the
 * person key and the expiry and the signature HMAC-SHA256 under {@code privacy.person-link} (128 bits).
 * A changed or expired token is refused.
 */
@Component
public class SignedLinks implements PersonLinks {

    public static final String PATH = "/mijn-gegevens/";

    private final SecretKeySpec key;
    private final Clock clock;
    private final PrivacyProperties properties;
    private final PublicAddress address;

    SignedLinks(Secrets secrets, Clock clock, PrivacyProperties properties, PublicAddress address) {
        this.key = new SecretKeySpec(secrets.key("privacy.person-link"), "HmacSHA256");
        this.clock = clock;
        this.properties = properties;
        this.address = address;
    }

    @Override
    public URI linkFor(PersonKey person) {
        return URI.create(baseUrl() + PATH + tokenFor(person));
    }

    public String tokenFor(PersonKey person) {
        long expires = clock.instant().plus(properties.linkValidity()).getEpochSecond();
        String payload = encode((person.value() + ":" + expires).getBytes(StandardCharsets.US_ASCII));
        return payload + "." + encode(sign(payload));
    }

    /** Why a token does not open a page. */
    public enum Problem { INVALID, EXPIRED }

    /** The person of a valid token, or the problem with it. */
    public record Verified(PersonKey person, Problem problem) {
    }

    public Verified verify(String token) {
        if (token == null || token.length() > 200) {
            return new Verified(null, Problem.INVALID);
        }
        int dot = token.indexOf('.');
        if (dot < 1) {
            return new Verified(null, Problem.INVALID);
        }
        String payload = token.substring(0, dot);
        byte[] signature;
        String decoded;
        try {
            signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            decoded = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            return new Verified(null, Problem.INVALID);
        }
        if (!MessageDigest.isEqual(sign(payload), signature)) {
            return new Verified(null, Problem.INVALID);
        }
        String[] parts = decoded.split(":");
        if (parts.length != 2 || !PersonKey.isValid(parts[0])) {
            return new Verified(null, Problem.INVALID);
        }
        long expires;
        try {
            expires = Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            return new Verified(null, Problem.INVALID);
        }
        // A signed but out-of-range expiry (as SignedLinksFuzzTest tries) is invalid, not a DateTimeException.
        if (expires < Instant.MIN.getEpochSecond() || expires > Instant.MAX.getEpochSecond()) {
            return new Verified(null, Problem.INVALID);
        }
        if (Instant.ofEpochSecond(expires).isBefore(clock.instant())) {
            return new Verified(null, Problem.EXPIRED);
        }
        return new Verified(new PersonKey(parts[0]), null);
    }

    private byte[] sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)), 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private String baseUrl() {
        return address.baseUrl();
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
