package nl.buitenin.journey.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

import nl.buitenin.journey.TouchpointId;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;
import nl.buitenin.testing.FuzzInput;

/**
 * The interactions CSV (the file the import page and {@code import-interactions} read) is read and every row
 * validated as the import does before writing: any file ends in rows, row errors or the import's own refusal.
 */
class InteractionCsvFuzzTest {

    static final TouchpointId KNOWN = new TouchpointId(UUID.fromString("3f2b8c1e-2a4d-4c6e-9b1a-7d5e3c2f1a0b"));
    static final Instant LATEST = Instant.parse("2026-12-01T00:00:00Z");

    @FuzzTest(maxDuration = "5s")
    @DictionaryEntries({"sourceId", "touchpoint", "at", "person", "kind", "reason", "reasonCode", "staff", "team", "mw-014", ",", "\\\"", "\\r\\n", "3f2b8c1e-2a4d-4c6e-9b1a-7d5e3c2f1a0b",
            "2026-03-01T10:15:00Z", "+01:00", "p_abcdefghijklmnopqrstuvwxyz", "CONTACT", "\\xEF\\xBB\\xBF"})
    void everyFileEndsInRowsOrAClearRefusal(byte[] input) {
        InteractionCsv.Read read;
        try {
            read = InteractionCsv.read(new StringReader(FuzzInput.text(input)));
        } catch (InvalidInputException refusal) {
            FuzzInput.assertClear(refusal);
            return;
        }
        for (InteractionCsv.Misfit misfit : read.misfits()) {
            assertThat(misfit.line()).isGreaterThan(1);
            FuzzInput.assertClear(misfit.error().field(), misfit.error().key(), misfit.error().message());
        }
        for (InteractionCsv.Row row : read.rows()) {
            assertThat(row.line()).isGreaterThan(1);
            InteractionInput.Validated validated = row.input().validate(Set.of(KNOWN), LATEST);
            assertThat(validated.isValid()).isNotEqualTo(!validated.errors().isEmpty());
            for (FieldError error : validated.errors()) {
                FuzzInput.assertClear(error.field(), error.key(), error.message());
            }
        }
    }
}
