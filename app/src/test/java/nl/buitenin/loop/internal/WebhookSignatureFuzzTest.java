package nl.buitenin.loop.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * A receiver's check of the webhook signature never throws, whatever header, body or secret it is given: it
 * answers yes or no. A signature it made itself verifies, and the same header over another body or under
 * another secret does not.
 */
class WebhookSignatureFuzzTest {

    @FuzzTest(maxDuration = "5s")
    @DictionaryEntries({"t=", ",v1=", "t=1767225600,v1=", ","})
    void signatureChecksNeverThrowAndOnlyAcceptTheirOwnSignature(FuzzedDataProvider data) {
        String secret = data.consumeString(64);
        long time = data.consumeLong();
        String body = data.consumeString(500);
        String header = data.consumeRemainingAsString();

        WebhookSignature.verify(secret, header, body);
        if (!secret.isEmpty()) {
            String signed = WebhookSignature.header(secret, time, body);
            assertThat(WebhookSignature.verify(secret, signed, body)).isTrue();
            assertThat(WebhookSignature.verify(secret, signed, body + "x")).isFalse();
            assertThat(WebhookSignature.verify(secret + "x", signed, body)).isFalse();
        }
    }
}
