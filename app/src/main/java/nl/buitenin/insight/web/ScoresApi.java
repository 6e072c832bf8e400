package nl.buitenin.insight.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.access.Scope;
import nl.buitenin.insight.Estimate;
import nl.buitenin.insight.Grouping;
import nl.buitenin.insight.ScoreHistograms;
import nl.buitenin.insight.ScoreQuery;
import nl.buitenin.insight.ScoreSlice;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.ReplicaReads;
import nl.buitenin.platform.RequestValues;
import nl.buitenin.privacy.SmallCellRule;

/** Scores of any slice with n and 95 % interval, from the additive histograms. */
@RestController
@RequestMapping("/api/v1")
class ScoresApi {

    static final int DEFAULT_WEEKS = 12;

    private final ScoreHistograms histograms;
    private final Organisations organisations;
    private final SmallCellRule smallCells;
    private final ReplicaReads replicaReads;

    ScoresApi(ScoreHistograms histograms, Organisations organisations, SmallCellRule smallCells, ReplicaReads replicaReads) {
        this.replicaReads = replicaReads;
        this.histograms = histograms;
        this.organisations = organisations;
        this.smallCells = smallCells;
    }

    /**
     * One period of one question. {@code score}, {@code lower} and {@code upper} are null when there are too
     * few answers for an estimate (one, for a mean). A slice of fewer answers than the small-cell rule's k is
     * {@code hidden}: then {@code n}, the score, its bounds and the {@code counts} are all null,
     * {@code fewerThan} is k and {@code smallSample} is true; otherwise {@code hidden} is false and
     * {@code fewerThan} null. A period without answers has no point at all.
     */
    record ScorePoint(String touchpoint, String question, String scale, LocalDate period, boolean hidden, Integer fewerThan,
            Long n, Double score, Double lower, Double upper, boolean smallSample, long[] counts) {

        static ScorePoint of(ScoreSlice slice, SmallCellRule rule) {
            String touchpoint = slice.touchpoint() == null ? null : slice.touchpoint().toString();
            long n = slice.histogram().n();
            if (rule.hides(n)) {
                return new ScorePoint(touchpoint, slice.questionKey(), slice.scale().name(), slice.periodStart(), true, rule.k(),
                        null, null, null, null, true, null);
            }
            Estimate estimate = slice.score().orElse(null);
            return new ScorePoint(touchpoint, slice.questionKey(), slice.scale().name(), slice.periodStart(), false, null, n,
                    estimate == null ? null : round(estimate.value()), estimate == null ? null : round(estimate.lower()),
                    estimate == null ? null : round(estimate.upper()), n < Estimate.SMALL_SAMPLE, slice.histogram().counts());
        }

        private static double round(double value) {
            return Math.round(value * 100) / 100.0;
        }
    }

    @GetMapping("/scores")
    @Allow(value = {Role.ADMIN, Role.ANALYST, Role.AGENT}, scopes = Scope.READ)
    @Operation(summary = "Scores with n and 95 % interval per touchpoint and period",
            description = "touchpoint: repeat for several, leave out for all; from/to: dates (default the last 12 weeks); "
                    + "question: a question key (default all); groupBy: total, day, week (default) or month; "
                    + "perTouchpoint: false sums the touchpoints. NPS in points, CSAT top-2-box in percent, CES and ratings as means. "
                    + "A slice of fewer answers than the small-cell minimum k (default 5) is hidden: hidden true, fewerThan k, "
                    + "and n, score, lower, upper and counts null.")
    List<ScorePoint> scores(@RequestParam(required = false) List<String> touchpoint, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String question,
            @RequestParam(defaultValue = "week") String groupBy, @RequestParam(defaultValue = "true") boolean perTouchpoint) {
        LocalDate today = LocalDate.now(organisations.current().timeZone());
        LocalDate end = date("to", to, today);
        LocalDate start = date("from", from, end.minusWeeks(DEFAULT_WEEKS).plusDays(1));
        ScoreQuery query = new ScoreQuery(touchpoints(touchpoint), start, end, question, grouping(groupBy), perTouchpoint);
        return replicaReads.read(() -> histograms.summarise(query)).stream().map(slice -> ScorePoint.of(slice, smallCells)).toList();
    }

    static Grouping grouping(String name) {
        return RequestValues.requiredChoice("groupBy", name, Grouping.class, "insight.invalid.groupBy");
    }

    static LocalDate date(String field, String text, LocalDate otherwise) {
        LocalDate date = RequestValues.date(field, text, "insight.invalid.date");
        return date == null ? otherwise : date;
    }

    static Set<TouchpointId> touchpoints(List<String> ids) {
        Set<TouchpointId> result = new HashSet<>();
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        for (String id : ids == null ? List.<String>of() : ids) {
            TouchpointId touchpoint = RequestValues.collecting(errors, () -> RequestValues.require(
                    RequestValues.id("touchpoint", id, TouchpointId::new, "insight.invalid.touchpoint"), "touchpoint",
                    "insight.invalid.touchpoint", id));
            if (touchpoint != null) {
                result.add(touchpoint);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return result;
    }
}
