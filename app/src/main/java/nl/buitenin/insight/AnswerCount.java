package nl.buitenin.insight;

import java.time.LocalDate;
import java.util.Objects;

import nl.buitenin.journey.TouchpointId;

/**
 * A number of answers that gave the same value to the same question at the same touchpoint on the same day
 * (in the organisation's time zone): what a batch of answers adds to the score histograms.
 */
public record AnswerCount(TouchpointId touchpoint, LocalDate day, String questionKey, ScoreScale scale, int value, long count) {

    public AnswerCount {
        Objects.requireNonNull(touchpoint, "touchpoint");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(scale, "scale");
        if (questionKey == null || !questionKey.matches("[a-z0-9][a-z0-9._-]{0,99}")) {
            throw new IllegalArgumentException("a question key is 1 to 100 lower-case letters, digits, dots, dashes or underscores: " + questionKey);
        }
        scale.requireValue(value);
        if (count < 1) {
            throw new IllegalArgumentException("a count of answers is at least 1, got " + count);
        }
    }
}
