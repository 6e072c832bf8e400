package nl.buitenin.readings.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.access.Scope;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.privacy.SmallCellRule;
import nl.buitenin.readings.internal.CalibratedScores;
import nl.buitenin.readings.internal.CalibratedScores.Figures;
import nl.buitenin.readings.internal.CalibratedScores.Mean;
import nl.buitenin.readings.internal.CalibratedScores.Row;

/** The figures of the calibrated-scores page for machines: the same numbers, small cells hidden alike. */
@RestController
class CalibratedScoresApi {

    private final CalibratedScores scores;
    private final Organisations organisations;
    private final SmallCellRule smallCells;

    CalibratedScoresApi(CalibratedScores scores, Organisations organisations, SmallCellRule smallCells) {
        this.scores = scores;
        this.organisations = organisations;
        this.smallCells = smallCells;
    }

    @Schema(name = "CalibratedMean", description = "A mean score on the question's scale with its 95 % percentile bootstrap "
            + "interval over persons")
    record MeanJson(double mean, double lower, double upper) {

        static @Nullable MeanJson of(@Nullable Mean mean) {
            return mean == null ? null : new MeanJson(mean.value(), mean.lower(), mean.upper());
        }
    }

    @Schema(name = "CalibratedTouchpoint", description = "One touchpoint; when hidden (fewer people than fewerThan) n and "
            + "both means are null")
    record CalibratedTouchpointJson(UUID id, String nameNl, String nameEn,
            @Schema(description = "answers of the type at the touchpoint in the period") @Nullable Long n,
            @Schema(description = "the mean as given") @Nullable MeanJson raw,
            @Schema(description = "the mean with each person's own offset taken off (respondents' own scales)") @Nullable MeanJson calibrated,
            boolean hidden, @Schema(description = "the small-cell minimum") int fewerThan) {

        static CalibratedTouchpointJson of(Row row) {
            return new CalibratedTouchpointJson(row.touchpoint().id().value(), row.touchpoint().nameNl(), row.touchpoint().nameEn(),
                    row.hidden() ? null : row.n(), MeanJson.of(row.raw()), MeanJson.of(row.calibrated()), row.hidden(), row.fewerThan());
        }
    }

    @Schema(name = "CalibrationSwap", description = "Two touchpoints in the other order once calibrated")
    record SwapJson(@Schema(description = "the touchpoint with the higher raw mean") UUID rawHigher,
            @Schema(description = "the touchpoint with the higher calibrated mean") UUID calibratedHigher) {
    }

    @Schema(name = "CalibratedScores")
    record CalibratedScoresJson(LocalDate from, LocalDate to,
            @Schema(description = "NPS (the 0-10 score), CSAT, CES, RATING_5 or RATING_10") String type, int scaleMin, int scaleMax,
            int minCell, List<CalibratedTouchpointJson> touchpoints, List<SwapJson> swaps,
            @Schema(description = "people whose own use of the scale was estimated (two answers or more)") long peopleWithHistory,
            @Schema(description = "answers read on the population scale: anonymous, a purpose that refuses the person's data, "
                    + "or a person's only answer") long answersOnPopulationScale) {
    }

    @GetMapping("/api/v1/readings/calibrated")
    @Allow(value = {Role.ADMIN, Role.ANALYST}, scopes = Scope.READ)
    @Operation(summary = "Mean scores per touchpoint, raw and adjusted for harsh and lenient raters",
            description = "Each person's offset (how far above or below others they score the same touchpoints) is estimated "
                    + "from their history as an empirical-Bayes shrunken random effect and taken off their scores; people "
                    + "with one answer, anonymous answers and people whose data the purpose 'service improvement' refuses keep "
                    + "the population scale. Each mean has a 95 % percentile bootstrap interval over persons; a touchpoint "
                    + "whose answers come from fewer people than the small-cell minimum is hidden. 'swaps' lists the pairs of "
                    + "touchpoints that raw and calibrated means put in a different order. Method: docs/readings.md.")
    CalibratedScoresJson figures(
            @Parameter(description = "first day, e.g. 2026-03-01 (default: a year before 'to')") @RequestParam(required = false) @Nullable String from,
            @Parameter(description = "last day, included (default: today)") @RequestParam(required = false) @Nullable String to,
            @Parameter(description = "NPS, CSAT, CES, RATING_5 or RATING_10 (default: the type answered at the most touchpoints)")
            @RequestParam(required = false) @Nullable String type) {
        CalibrationQuery query = CalibrationQuery.read(from, to, type, LocalDate.now(organisations.current().timeZone()));
        Figures found = scores.of(query.from(), query.to(), query.type());
        return new CalibratedScoresJson(found.from(), found.to(), found.type().name(), found.type().min(), found.type().max(),
                smallCells.k(), found.rows().stream().map(CalibratedTouchpointJson::of).toList(),
                found.swaps().stream().map(s -> new SwapJson(s.rawHigher().id().value(), s.calibratedHigher().id().value())).toList(),
                found.withHistory(), found.population());
    }
}
