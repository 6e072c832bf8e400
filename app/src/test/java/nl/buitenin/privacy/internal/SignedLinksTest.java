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

import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;

import nl.buitenin.platform.BuiteninProperties;
import nl.buitenin.platform.PublicAddress;
import nl.buitenin.platform.Secrets;

class SignedLinksTest {

    static final Secrets SECRETS = new Secrets("a-test-secret-of-at-least-32-bytes-long".getBytes(StandardCharsets.UTF_8));
    final SignedLinks links = new SignedLinks(SECRETS, Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC),
            new PrivacyProperties(null, Duration.ofDays(90), null, null), new PublicAddress(new BuiteninProperties(Path.of("data"), "", ""),
            new StandardEnvironment()));

    @Test
    void aSignedTokenWithAnExpiryBeyondTheCalendarIsInvalidNotAnError() throws Exception {
        for (String expiry : new String[] {"9223372036854775807", "-9223372036854775808", "31556889864403200"}) {
            String payload = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(("p_abcdefghijklmnopqrstuvwxyz:" + expiry).getBytes(StandardCharsets.US_ASCII));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRETS.key("privacy.person-link"), "HmacSHA256"));
            String signature = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(Arrays.copyOf(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)), 16));
            assertThat(links.verify(payload + "." + signature).problem()).as(expiry).isEqualTo(SignedLinks.Problem.INVALID);
        }
    }
}
