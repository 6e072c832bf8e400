package nl.buitenin.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.core.env.StandardEnvironment;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import nl.buitenin.platform.BuiteninProperties;
import nl.buitenin.platform.PublicAddress;
import nl.buitenin.platform.Secrets;
import nl.buitenin.privacy.PersonKey;

/**
 * The link to a person's own page ({@code /mijn-gegevens/<token>}, open to anyone who has it): any token ends
 * in a person or a refusal, never an exception, also a payload that carries a valid signature; a link it made
 * opens for that person only, and a changed one does not.
 */
class SignedLinksFuzzTest {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    static final Secrets SECRETS = new Secrets("fuzzing-secret-of-at-least-32-bytes-long".getBytes(StandardCharsets.UTF_8));
    static final SignedLinks LINKS = new SignedLinks(SECRETS, Clock.fixed(NOW, ZoneOffset.UTC),
            new PrivacyProperties(null, Duration.ofDays(90), null, null), new PublicAddress(new BuiteninProperties(Path.of("data"), "", ""),
            new StandardEnvironment()));
    static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";

    @FuzzTest(maxDuration = "5s")
    void everyLinkEndsInAPersonOrARefusal(FuzzedDataProvider data) throws Exception {
        byte[] keyBytes = data.consumeBytes(26);
        String payload = data.consumeString(120);
        String presented = data.consumeRemainingAsString();

        verified(LINKS.verify(presented));
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.US_ASCII));
        verified(LINKS.verify(encoded + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(sign(encoded))));

        StringBuilder key = new StringBuilder("p_");
        for (int i = 0; i < 26; i++) {
            key.append(BASE32.charAt((i < keyBytes.length ? keyBytes[i] : i) & 31));
        }
        PersonKey person = new PersonKey(key.toString());
        String token = LINKS.tokenFor(person);
        assertThat(LINKS.verify(token).person()).isEqualTo(person);
        assertThat(LINKS.verify(token.substring(0, token.length() - 1)).person()).isNull();
    }

    private static byte[] sign(String payload) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRETS.key("privacy.person-link"), "HmacSHA256"));
        return Arrays.copyOf(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)), 16);
    }

    private static void verified(SignedLinks.Verified verified) {
        assertThat(verified.person() == null).isEqualTo(verified.problem() != null);
    }
}
