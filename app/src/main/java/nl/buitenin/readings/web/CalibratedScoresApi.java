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
import nl.buitenin.readings.internal.CalibratedScores.Compare;
import nl.buitenin.readings.internal.CalibratedScores.Swap;
import nl.buitenin.readings.internal.CalibratedScores.Unit;

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
            return new CalibratedTouchpointJson(row.unit().touchpoint().id().value(), row.unit().nameNl(), row.unit().nameEn(),
                    row.hidden() ? null : row.n(), MeanJson.of(row.raw()), MeanJson.of(row.calibrated()), row.hidden(), row.fewerThan());
        }
    }

    @Schema(name = "CalibratedUnit", description = "One thing compared (a touchpoint, team, month or week); when hidden (fewer "
            + "people than fewerThan) n and both means are null")
    record CalibratedUnitJson(
            @Schema(description = "the touchpoint's id, the team's name, the month (2026-03) or the week's Monday (2026-03-02)") String key,
            String nameNl, String nameEn,
            @Schema(description = "answers of the type in the unit in the period") @Nullable Long n,
            @Schema(description = "the mean as given") @Nullable MeanJson raw,
            @Schema(description = "the mean with each person's own offset taken off (respondents' own scales)") @Nullable MeanJson calibrated,
            boolean hidden, @Schema(description = "the small-cell minimum") int fewerThan) {

        static CalibratedUnitJson of(Row row) {
            return new CalibratedUnitJson(row.unit().key(), row.unit().nameNl(), row.unit().nameEn(), row.hidden() ? null : row.n(),
                    MeanJson.of(row.raw()), MeanJson.of(row.calibrated()), row.hidden(), row.fewerThan());
        }
    }

    @Schema(name = "CalibrationSwap", description = "Two units in the other order once calibrated")
    record SwapJson(@Schema(description = "the touchpoint with the higher raw mean (touchpoints only)") @Nullable UUID rawHigher,
            @Schema(description = "the touchpoint with the higher calibrated mean (touchpoints only)") @Nullable UUID calibratedHigher,
            @Schema(description = "the key of the unit with the higher raw mean") String rawHigherKey,
            @Schema(description = "the key of the unit with the higher calibrated mean") String calibratedHigherKey) {

        static SwapJson of(Swap swap) {
            return new SwapJson(id(swap.rawHigher()), id(swap.calibratedHigher()), swap.rawHigher().key(), swap.calibratedHigher().key());
        }

        private static @Nullable UUID id(Unit unit) {
            return unit.touchpoint() == null ? null : unit.touchpoint().id().value();
        }
    }

    @Schema(name = "CalibratedScores")
    record CalibratedScoresJson(LocalDate from, LocalDate to,
            @Schema(description = "NPS (the 0-10 score), CSAT, CES, RATING_5 or RATING_10") String type, int scaleMin, int scaleMax,
            int minCell,
            @Schema(description = "TOUCHPOINTS, TEAMS, MONTHS or WEEKS") String by,
            @Schema(description = "the touchpoints (when touchpoints are compared, else empty)") List<CalibratedTouchpointJson> touchpoints,
            @Schema(description = "the units compared, in order: touchpoints in journey order, teams by name, periods by time") List<CalibratedUnitJson> units,
            List<SwapJson> swaps,
            @Schema(description = "people whose own use of the scale was estimated (two answers or more)") long peopleWithHistory,
            @Schema(description = "answers read on the population scale: anonymous, a purpose that refuses the person's data, "
                    + "or a person's only answer") long answersOnPopulationScale,
            @Schema(description = "answers without a unit (teams: without a team, or older than the staff purpose's retention); they "
                    + "count for the raters' histories, not shown") long answersWithoutUnit,
            @Schema(description = "true when teams were asked for and the purpose 'quality of service - staff' does not allow "
                    + "reading them; then nothing is shown") boolean refused) {
    }

    @GetMapping("/api/v1/readings/calibrated")
    @Allow(value = {Role.ADMIN, Role.ANALYST}, scopes = Scope.READ)
    @Operation(summary = "Mean scores per touchpoint, team, month or week, raw and adjusted for harsh and lenient raters",
            description = "Each person's offset (how far above or below others they score the same touchpoints) is estimated "
                    + "from their history as an empirical-Bayes shrunken random effect and taken off their scores; people "
                    + "with one answer, anonymous answers and people whose data the purpose 'service improvement' refuses keep "
                    + "the population scale. Each mean has a 95 % percentile bootstrap interval over persons; a touchpoint "
                    + "whose answers come from fewer people than the small-cell minimum is hidden. 'swaps' lists the pairs of "
                    + "touchpoints that raw and calibrated means put in a different order. Teams are read under the purpose "
                    + "'quality of service - staff' (one logged read, teams only); when it does not allow it, 'refused' is true. "
                    + "Method: docs/readings.md.")
    CalibratedScoresJson figures(
            @Parameter(description = "first day, e.g. 2026-03-01 (default: a year before 'to')") @RequestParam(required = false) @Nullable String from,
            @Parameter(description = "last day, included (default: today)") @RequestParam(required = false) @Nullable String to,
            @Parameter(description = "NPS, CSAT, CES, RATING_5 or RATING_10 (default: the type answered at the most touchpoints)")
            @RequestParam(required = false) @Nullable String type,
            @Parameter(description = "what is compared: TOUCHPOINTS (default), TEAMS, MONTHS or WEEKS")
            @RequestParam(required = false) @Nullable String by) {
        CalibrationQuery query = CalibrationQuery.read(from, to, type, by, LocalDate.now(organisations.current().timeZone()));
        Figures found = scores.of(query.from(), query.to(), query.type(), query.by());
        boolean touchpoints = found.by() == Compare.TOUCHPOINTS;
        return new CalibratedScoresJson(found.from(), found.to(), found.type().name(), found.type().min(), found.type().max(),
                smallCells.k(), found.by().name(),
                touchpoints ? found.rows().stream().map(CalibratedTouchpointJson::of).toList() : List.of(),
                found.rows().stream().map(CalibratedUnitJson::of).toList(), found.swaps().stream().map(SwapJson::of).toList(),
                found.withHistory(), found.population(), found.outside(), found.refused());
    }
}
