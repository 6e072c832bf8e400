package nl.buitenin.streams.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

import tools.jackson.databind.json.JsonMapper;

import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.internal.InteractionInput;
import nl.buitenin.listening.internal.answers.AnswerBatches.AnswerInput;
import nl.buitenin.platform.InvalidInputException.FieldError;
import nl.buitenin.testing.FuzzInput;

/**
 * A Kafka record's value is outside input: any bytes end in an item (an interaction is then validated as the API does) or
 * in a reason that names the record and has a message key with an English text, never in another exception.
 */
class KafkaRecordFuzzTest {

    static final TouchpointId KNOWN = new TouchpointId(UUID.fromString("3f2b8c1e-2a4d-4c6e-9b1a-7d5e3c2f1a0b"));
    static final Instant LATEST = Instant.parse("2026-12-01T00:00:00Z");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @FuzzTest(maxDuration = "5s")
    @DictionaryEntries({"{", "}", "[", "]", ":", ",", "\"", "null", "sourceId", "touchpoint", "at", "person", "kind", "reason",
            "reasonCode", "staff", "team", "survey", "answers", "language", "3f2b8c1e-2a4d-4c6e-9b1a-7d5e3c2f1a0b",
            "2026-03-01T10:15:00Z", "p_abcdefghijklmnopqrstuvwxyz", "\\u0000"})
    void everyRecordEndsInAnItemOrANamedReason(byte[] input) {
        byte[] value = input.length <= 1 ? new byte[0] : Arrays.copyOfRange(input, 1, input.length);
        if (FuzzInput.choice(input) % 2 == 0) {
            InteractionInput item = readOrNull(new RecordReader<>(JSON, InteractionInput.class), value);
            if (item != null) {
                InteractionInput.Validated validated = item.validate(Set.of(KNOWN), LATEST);
                assertThat(validated.isValid()).isNotEqualTo(!validated.errors().isEmpty());
                for (FieldError error : validated.errors()) {
                    FuzzInput.assertClear(error.field(), error.key(), error.message());
                }
            }
        } else {
            readOrNull(new RecordReader<>(JSON, AnswerInput.class), value);
        }
    }

    private static <T> T readOrNull(RecordReader<T> reader, byte[] value) {
        try {
            return reader.read(value);
        } catch (RecordReader.UnreadableRecord unreadable) {
            FieldError error = unreadable.error();
            assertThat(error.field()).isEqualTo("record");
            FuzzInput.assertClear(error.field(), error.key(), error.message());
            assertThat(unreadable.getMessage()).startsWith("record: ");
            return null;
        }
    }
}
