package nl.buitenin.insight;

import java.time.LocalDate;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import nl.buitenin.journey.TouchpointId;

/**
 * The summed histogram of one question over one period, for one touchpoint or (touchpoint null) for
 * all touchpoints of the query.
 */
public record ScoreSlice(@Nullable TouchpointId touchpoint, String questionKey, LocalDate periodStart, Histogram histogram) {

    public ScoreScale scale() {
        return histogram.scale();
    }

    /** The score with n and its 95 % interval; empty when there are too few answers for one. */
    public Optional<Estimate> score() {
        return histogram.score();
    }
}
