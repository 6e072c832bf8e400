package nl.buitenin.insight.readings;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The score-gaming reading of one staff member: the top share against the share the rest of their answers explain,
 * the test's p-value and its false-discovery-adjusted q-value (both null when there are too few answers to test),
 * whether they are flagged and why.
 */
public record GamingSignal(String staff, @Nullable String team, long n, double topShare, double expectedTopShare,
        @Nullable Double pValue, @Nullable Double qValue, boolean flagged, List<Reason> reasons, long askedForScore) {

    public enum Reason {
        /** More top scores than the rest of the distribution explains, significant after the FDR control. */
        EXCESS_TOP_SCORES("excess_top_scores"),
        /** At least one comment says the person was asked for a (top) score. */
        ASKED_FOR_SCORE("asked_for_score");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
