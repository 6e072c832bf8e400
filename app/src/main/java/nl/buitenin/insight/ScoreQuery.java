package nl.buitenin.insight;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import nl.buitenin.journey.TouchpointId;
import nl.buitenin.platform.InvalidInputException;

/**
 * A slice of score histograms: which touchpoints (empty: all), which days (both ends included), which
 * question (null: all), split how over time, and whether per touchpoint or summed over them.
 */
public record ScoreQuery(Set<TouchpointId> touchpoints, LocalDate from, LocalDate to, @Nullable String questionKey, Grouping grouping,
        boolean perTouchpoint) {

    /** Ten years of days; longer slices are a mistake rather than a question. */
    public static final long MAX_DAYS = 3660;

    public ScoreQuery {
        touchpoints = touchpoints == null ? Set.of() : Set.copyOf(touchpoints);
        Objects.requireNonNull(grouping, "grouping");
        if (from == null || to == null) {
            throw InvalidInputException.of(from == null ? "from" : "to", "insight.invalid.dateRequired");
        }
        if (to.isBefore(from)) {
            throw InvalidInputException.of("to", "insight.invalid.toBeforeFrom", from.toString());
        }
        if (ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            throw InvalidInputException.of("to", "insight.invalid.maxDays", MAX_DAYS);
        }
        if (questionKey != null && questionKey.isBlank()) {
            questionKey = null;
        }
    }
}
