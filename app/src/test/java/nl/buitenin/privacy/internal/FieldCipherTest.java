package nl.buitenin.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class FieldCipherTest {

    private final FieldCipher cipher = new FieldCipher(new byte[32]);

    @Test
    void theSameValueEncryptsDifferentlyEachTimeWithA96BitNonceAndA128BitTag() {
        byte[] first = cipher.encrypt("jan@example.nl", "p_a/email");
        byte[] second = cipher.encrypt("jan@example.nl", "p_a/email");
        assertThat(first).isNotEqualTo(second);
        assertThat(first).hasSize(12 + "jan@example.nl".getBytes(StandardCharsets.UTF_8).length + 16);
        assertThat(new String(first, StandardCharsets.ISO_8859_1)).doesNotContain("example");
        assertThat(cipher.decrypt(first, "p_a/email")).isEqualTo("jan@example.nl");
    }

    @Test
    void aValueMovedToAnotherRowOrColumnDoesNotDecrypt() {
        byte[] sealed = cipher.encrypt("jan@example.nl", "p_a/email");
        assertThatThrownBy(() -> cipher.decrypt(sealed, "p_b/email")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.decrypt(sealed, "p_a/name")).isInstanceOf(IllegalStateException.class);
        sealed[20] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt(sealed, "p_a/email")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void personKeysUseTheRfc4648Base32Alphabet() {
        // RFC 4648, section 10: BASE32("foobar") = "MZXW6YTBOI======"; the first 9 characters come from whole bits
        assertThat(PersonKeys.base32("foobar".getBytes(StandardCharsets.US_ASCII), 9)).isEqualTo("mzxw6ytbo");
        assertThat(new PersonKeys(new byte[32]).keyFor("BP-1").value()).matches("p_[a-z2-7]{26}");
    }
}
