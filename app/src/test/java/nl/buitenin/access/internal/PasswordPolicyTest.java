package nl.buitenin.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import nl.buitenin.platform.InvalidInputException.FieldError;

class PasswordPolicyTest {

    static Optional<String> refusal(String password) {
        return PasswordPolicy.check(password, "someone").map(FieldError::key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"aaaaaaaaaaaa", "AAAAAAAAAAAAAAAAAAAA", "abcdefghijkl", "ABCDEFGHIJKLmn", "lkjihgfedcba", "123456789012",
            "098765432109", "qwertyuiopas", "asdfghjkl;'x", "zxcvbnmasdfg", "ZZZZZZZZzzzzzzzz!", "xyzabcdefghi", "fiets-1234567890"})
    void refusesPasswordsMadeOfOneRepeatedCharacterOrASimpleSequence(String password) {
        assertThat(refusal(password)).contains("access.invalid.passwordSequence");
    }

    @ParameterizedTest
    // On the list itself (whatever the case), or a listed password with only digits or punctuation around it.
    @ValueSource(strings = {"sonyericsson", "qwerty123456", "1qaz2wsx3edc", "LeaveMeAlone", "Password1234", "monkey123456!", "!!sunshine2024"})
    void refusesTheMostCommonPasswords(String password) {
        assertThat(refusal(password)).isPresent();
        assertThat(refusal(password).get()).isIn("access.invalid.passwordCommon", "access.invalid.passwordSequence");
    }

    @Test
    void namesTheCommonPasswordAsSuch() {
        assertThat(refusal("sonyericsson")).contains("access.invalid.passwordCommon");
        assertThat(refusal("Monkey123456!")).contains("access.invalid.passwordCommon");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a long enough password", "my own new passphrase", "buitenpad-demo", "correct horse battery staple",
            "Wandelen-12345-op-de-Veluwe", "Zomer in Zeeland 2026", "kT9#vq2LmX4p"})
    void acceptsPasswordsThatAreNeitherCommonNorMostlyARun(String password) {
        assertThat(refusal(password)).isEmpty();
    }

    @Test
    void keepsTheLengthBetween12And128() {
        assertThat(refusal("kT9#vq2LmX4")).contains("access.invalid.passwordShort");
        assertThat(refusal("kT9#vq2LmX4p")).isEmpty();
        String long128 = "wandel langs de dijk en ".repeat(6).substring(0, 128);
        assertThat(refusal(long128)).isEmpty();
        assertThat(refusal(long128 + "x")).contains("access.invalid.passwordLong");
        assertThat(refusal(null)).contains("access.invalid.passwordShort");
    }

    @Test
    void stillRefusesTheUsernameAsPassword() {
        assertThat(PasswordPolicy.check("Carla.de.Vries", "carla.de.vries").map(FieldError::key)).contains("access.invalid.passwordIsUsername");
    }
}
