package nl.buitenin.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

/** Which database refusals are the sender's mistake (a 400) rather than the server's (a 500). */
class UnstorableValuesTest {

    @Test
    void tooLongAndUnstorableCharactersAreTheSendersMistake() {
        assertThat(UnstorableValues.causedBy(new DataIntegrityViolationException("too long",
                new SQLException("value too long for type character varying(100)", "22001")))).isTrue();
        assertThat(UnstorableValues.causedBy(new DataIntegrityViolationException("nul",
                new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021")))).isTrue();
        SQLException batch = new SQLException("batch failed", "XX000");
        batch.setNextException(new SQLException("unsupported Unicode escape sequence", "22P05"));
        assertThat(UnstorableValues.causedBy(new DataIntegrityViolationException("batch", batch))).isTrue();
    }

    @Test
    void otherRefusalsAreNot() {
        assertThat(UnstorableValues.causedBy(new DataIntegrityViolationException("duplicate",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(UnstorableValues.causedBy(new IllegalStateException("no SQL here"))).isFalse();
    }
}
