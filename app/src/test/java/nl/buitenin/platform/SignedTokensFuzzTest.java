package nl.buitenin.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The signed tokens of the links that open without signing in (answer and widget links, through
 * {@link OneTimeTokens}): any string from a URL ends in claims or a refusal, never an exception; a payload that
 * carries a valid signature (as if the key had leaked, or an older version had signed it) is still parsed
 * without an exception; a token it issued itself is accepted for its purpose only, and a changed one is not.
 */
class SignedTokensFuzzTest {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    static final Secrets SECRETS = new Secrets("fuzzing-secret-of-at-least-32-bytes-long".getBytes(StandardCharsets.UTF_8));
    static final SignedTokens TOKENS = new SignedTokens(SECRETS);
    static final byte[] KEY = SECRETS.key("platform.signed-tokens");

    @FuzzTest(maxDuration = "5s")
    void everyTokenEndsInClaimsOrARefusal(FuzzedDataProvider data) {
        String purpose = data.consumeString(30);
        String subject = data.consumeString(60);
        long expires = data.consumeLong();
        String payload = data.consumeString(200);
        String presented = data.consumeRemainingAsString();

        verified(TOKENS.verify(presented, purpose, NOW));

        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        String signedPayload = encoded + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Secrets.hmac(KEY, encoded.getBytes(StandardCharsets.US_ASCII)));
        verified(TOKENS.verify(signedPayload, purpose, NOW));

        if (!purpose.isBlank() && !purpose.contains("|") && !subject.isBlank() && !subject.contains("|")) {
            Instant expiresAt = Instant.ofEpochSecond(Math.floorMod(expires, 4_000_000_000L));
            String token = TOKENS.issue(purpose, subject, expiresAt);
            SignedTokens.Verification own = TOKENS.verify(token, purpose, NOW);
            if (expiresAt.isAfter(NOW)) {
                assertThat(own.claims()).hasValueSatisfying(claims -> {
                    assertThat(claims.subject()).isEqualTo(subject);
                    assertThat(claims.purpose()).isEqualTo(purpose);
                });
            } else {
                assertThat(own.refusal()).isEqualTo(SignedTokens.Refusal.EXPIRED);
            }
            assertThat(TOKENS.verify(token, purpose + "x", NOW).valid()).isFalse();
            assertThat(TOKENS.verify(token.substring(1), purpose, NOW).valid()).isFalse();
        }
    }

    private static void verified(SignedTokens.Verification verification) {
        assertThat(verification.valid()).isNotEqualTo(verification.refusal() != null);
    }
}
