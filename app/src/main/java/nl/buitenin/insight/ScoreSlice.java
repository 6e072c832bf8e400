package nl.buitenin.insight;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * The slices of a period summed per touchpoint and question, dated {@code from}: what a {@link Grouping#TOTAL}
     * query over the same period returns, in the same order, from the slices of a finer grouping (each answer's day lies
     * in one week), so that a page showing both the weeks and the total reads the counts once.
     */
    public static List<ScoreSlice> totals(List<ScoreSlice> slices, LocalDate from) {
        record Key(@Nullable TouchpointId touchpoint, String questionKey) {
        }
        Map<Key, Histogram> sums = new LinkedHashMap<>();
        for (ScoreSlice slice : slices) {
            sums.merge(new Key(slice.touchpoint(), slice.questionKey()), slice.histogram(), Histogram::plus);
        }
        List<ScoreSlice> totals = new ArrayList<>(sums.size());
        sums.forEach((key, histogram) -> totals.add(new ScoreSlice(key.touchpoint(), key.questionKey(), from, histogram)));
        return totals;
    }
}
