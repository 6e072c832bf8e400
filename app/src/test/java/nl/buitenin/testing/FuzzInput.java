package nl.buitenin.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;

/**
 * Shared rules of the Jazzer fuzz tests ({@code *FuzzTest}, tag {@code jazzer}, run in their own surefire execution).
 * An input is one byte of choices followed by the file itself, so a kept input under
 * {@code src/test/resources/<package>/<Class>Inputs/<method>/} reads as the file it is. The only exception a
 * reader of outside input may end in is the module's own {@link InvalidInputException}, which names the field,
 * row or line and tells what is wrong through a message key; anything else escapes the fuzz test and is a finding.
 */
public final class FuzzInput {

    private FuzzInput() {
    }

    /** The first byte, for choices such as the export format (0 for an empty input). */
    public static int choice(byte[] input) {
        return input.length == 0 ? 0 : input[0] & 0xff;
    }

    /** The rest of the input as text, decoded as UTF-8 as the uploads are (malformed bytes become U+FFFD). */
    public static String text(byte[] input) {
        return input.length <= 1 ? "" : new String(Arrays.copyOfRange(input, 1, input.length), StandardCharsets.UTF_8);
    }

    /** The refusal is a clear one: every error names where it is and has a message key with an English text. */
    public static void assertClear(InvalidInputException refusal) {
        List<FieldError> errors = refusal.errors();
        assertThat(errors).as("a refusal names at least one error").isNotEmpty();
        for (FieldError error : errors) {
            assertClear(error.field(), error.key(), error.message());
        }
    }

    /** One reported error (a row error of an import report) is clear: it has a message key with an English text. */
    public static void assertClear(String where, String key, String message) {
        assertThat(key).as("message key of the error at %s", where).isNotBlank();
        assertThat(message).as("English text of %s (is the key defined?)", key).isNotBlank().isNotEqualTo(key);
    }
}
