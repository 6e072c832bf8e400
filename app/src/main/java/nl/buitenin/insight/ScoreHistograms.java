package nl.buitenin.insight;

import java.util.Collection;

import java.time.LocalDate;
import java.util.List;

import nl.buitenin.journey.TouchpointId;

/**
 * Additive score histograms. {@code listening} records each scored answer here, in the transaction that
 * saves the answer; pages and the API ask for summaries of any slice, computed from summed counts only.
 */
public interface ScoreHistograms {

    /**
     * Counts one answer. Joins the caller's transaction (or runs in its own when there is none).
     *
     * @param day         the day of the answer in the organisation's time zone
     * @param questionKey a stable key of the question, such as {@code nps} or {@code csat-booking}; a key keeps
     *                    the scale it was first recorded with
     * @throws IllegalArgumentException when the value is not on the scale or the key has another scale
     */
    default void record(TouchpointId touchpoint, LocalDate day, String questionKey, ScoreScale scale, int value) {
        recordAll(List.of(new AnswerCount(touchpoint, day, questionKey, scale, value, 1)));
    }

    /**
     * Counts a batch of answers, summed per histogram row by the caller or not: each count row is touched
     * once, and rows are locked in one fixed order, so concurrent batches over the same rows never deadlock.
     * Joins the caller's transaction (or runs in its own when there is none).
     */
    void recordAll(Collection<AnswerCount> counts);

    /** Summed histograms of a slice, ordered by touchpoint, question and period. */
    List<ScoreSlice> summarise(ScoreQuery query);
}
