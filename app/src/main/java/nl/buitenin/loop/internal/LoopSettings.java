package nl.buitenin.loop.internal;

import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.platform.InvalidInputException;

/**
 * The loop's settings an administrator edits (one row, {@code loop_settings}). Today one: the confidence an
 * automatic theme suggestion needs before "you said, we did" tells the person on its word alone; a suggestion
 * below it reaches people only once an analyst confirms it. Default 0.8 (docs/loop.md says why).
 */
@Repository
public class LoopSettings {

    public static final double DEFAULT_TELL_BACK_MIN_CONFIDENCE = 0.8;

    private final JdbcClient jdbc;
    private final Clock clock;

    LoopSettings(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public double tellBackMinConfidence() {
        return jdbc.sql("select tell_back_min_confidence from loop_settings where id = 1").query(Double.class).optional()
                .orElse(DEFAULT_TELL_BACK_MIN_CONFIDENCE);
    }

    /** Sets the threshold; refused (naming {@code tellBackMinConfidence}) unless it is a number from 0 to 1. */
    @Transactional
    public double changeTellBackMinConfidence(Double value) {
        double checked = checkConfidence("tellBackMinConfidence", value);
        jdbc.sql("update loop_settings set tell_back_min_confidence = :v, updated_at = :at where id = 1")
                .param("v", checked).param("at", CaseFiles.utc(clock.instant())).update();
        return checked;
    }

    /** A confidence is a finite number from 0 to 1. */
    static double checkConfidence(String field, Double value) {
        if (value == null || value.isNaN() || value < 0 || value > 1) {
            throw InvalidInputException.of(field, "loop.invalid.confidence", value == null ? "" : String.valueOf(value));
        }
        return value;
    }
}
