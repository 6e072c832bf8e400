package nl.buitenin.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class SignedTokensTest {

    final SignedTokens tokens = new SignedTokens(new Secrets("0123456789abcdef0123456789abcdef-test".getBytes(StandardCharsets.UTF_8)));
    final Instant now = Instant.parse("2026-05-01T10:00:00Z");

    @Test
    void acceptsItsOwnTokenForItsPurposeUntilItExpires() {
        String token = tokens.issue("survey-invitation", "inv-42", now.plusSeconds(3600));
        var verification = tokens.verify(token, "survey-invitation", now);
        assertThat(verification.valid()).isTrue();
        assertThat(verification.claims().get().subject()).isEqualTo("inv-42");
        assertThat(tokens.verify(token, "survey-invitation", now.plusSeconds(3600)).refusal()).isEqualTo(SignedTokens.Refusal.EXPIRED);
        assertThat(tokens.verify(token, "person-page", now).refusal()).isEqualTo(SignedTokens.Refusal.WRONG_PURPOSE);
    }

    @Test
    void refusesEveryChangedCharacter() {
        String token = tokens.issue("survey-invitation", "inv-42", now.plusSeconds(3600));
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '.') {
                continue;
            }
            String changed = token.substring(0, i) + (c == 'A' ? 'B' : 'A') + token.substring(i + 1);
            assertThat(tokens.verify(changed, "survey-invitation", now).valid()).as("changed at %d", i).isFalse();
        }
    }

    /**
     * The signature's last character has bits the decoder ignores, and the decoder takes padding: such a respelling of a
     * genuine token decodes to the same signature, and would escape the spent-token list, which knows tokens by spelling.
     */
    @Test
    void refusesAnotherSpellingOfTheSameSignature() {
        String token = tokens.issue("survey-invitation", "inv-42", now.plusSeconds(3600));
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        // An HMAC-SHA256 signature is 32 bytes: 43 characters, of which the last carries 4 bits and 2 unused ones.
        int last = alphabet.indexOf(token.charAt(token.length() - 1));
        String respelled = token.substring(0, token.length() - 1) + alphabet.charAt(last ^ 1);
        assertThat(respelled).isNotEqualTo(token);
        assertThat(java.util.Base64.getUrlDecoder().decode(respelled.substring(respelled.indexOf('.') + 1)))
                .as("the respelling decodes to the same signature").isEqualTo(
                        java.util.Base64.getUrlDecoder().decode(token.substring(token.indexOf('.') + 1)));
        assertThat(tokens.verify(respelled, "survey-invitation", now).valid()).isFalse();
        assertThat(tokens.verify(token + "=", "survey-invitation", now).valid()).isFalse();
        assertThat(tokens.verify(token, "survey-invitation", now).valid()).isTrue();
    }

    @Test
    void refusesATokenSignedUnderAnotherSecret() {
        SignedTokens other = new SignedTokens(new Secrets("another-secret-another-secret-0123456789".getBytes(StandardCharsets.UTF_8)));
        String foreign = other.issue("survey-invitation", "inv-42", now.plusSeconds(3600));
        assertThat(tokens.verify(foreign, "survey-invitation", now).refusal()).isEqualTo(SignedTokens.Refusal.TAMPERED);
        assertThat(tokens.verify("no-dot-here", "survey-invitation", now).refusal()).isEqualTo(SignedTokens.Refusal.MALFORMED);
        assertThat(tokens.verify(null, "survey-invitation", now).refusal()).isEqualTo(SignedTokens.Refusal.MALFORMED);
    }

    @Test
    void twoTokensForTheSameSubjectDiffer() {
        assertThat(tokens.issue("p", "s", now.plusSeconds(60))).isNotEqualTo(tokens.issue("p", "s", now.plusSeconds(60)));
    }
}
