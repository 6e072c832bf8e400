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
