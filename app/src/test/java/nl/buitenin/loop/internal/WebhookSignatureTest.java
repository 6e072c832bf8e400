package nl.buitenin.loop.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void aReceiverWithoutASecretAcceptsNothingAndDoesNotThrow() {
        String header = WebhookSignature.header("a shared desk secret", 1_700_000_000L, "{}");
        assertThat(WebhookSignature.verify("", header, "{}")).isFalse();
        assertThat(WebhookSignature.verify(null, header, "{}")).isFalse();
    }

    @Test
    void malformedHeadersAreRefused() {
        assertThat(WebhookSignature.verify("a shared desk secret", null, "{}")).isFalse();
        assertThat(WebhookSignature.verify("a shared desk secret", "t=,v1=", "{}")).isFalse();
        assertThat(WebhookSignature.verify("a shared desk secret", "v1=abc,t=1", "{}")).isFalse();
    }
}
