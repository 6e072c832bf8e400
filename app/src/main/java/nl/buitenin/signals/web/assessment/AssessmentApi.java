package nl.buitenin.signals.web.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.access.Scope;
import nl.buitenin.insight.Estimate;
import nl.buitenin.insight.readings.Comparison;
import nl.buitenin.signals.internal.assessment.AssessmentResults;
import nl.buitenin.signals.internal.assessment.AssessmentResults.RoundResult;
import nl.buitenin.signals.internal.assessment.DayArea;
import nl.buitenin.signals.internal.assessment.DayReading;

/**
 * Day's self-assessment for machines: every round, the oldest first, with each capability's mean per department and
 * for the whole organisation (n and 95 % interval), and management against the front line. Hidden cells are null,
 * with {@code hidden} true, under the same small-cell rule as the page.
 */
@RestController
@RequestMapping("/api/v1/signals/assessment")
@Allow(value = {Role.ADMIN, Role.ANALYST}, scopes = Scope.READ)
class AssessmentApi {

    private final AssessmentResults results;

    AssessmentApi(AssessmentResults results) {
        this.results = results;
    }

    @Schema(name = "AssessmentScore", description = "A mean on the 1–5 agreement scale with its 95 % t interval; n colleagues")
    record AssessmentScoreJson(long n, double mean, double lower, double upper) {
        static @Nullable AssessmentScoreJson of(java.util.Optional<Estimate> estimate) {
            return estimate.map(e -> new AssessmentScoreJson(e.n(), e.value(), e.lower(), e.upper())).orElse(null);
        }
    }

    @Schema(name = "AssessmentUnit", description = "The whole organisation (department null) or one department in a round")
    record AssessmentUnitJson(@Nullable String department, long respondents, @Nullable Long invited,
            @Schema(description = "true when fewer than k colleagues answered here, or to protect another hidden department") boolean hidden,
            @Schema(description = "per capability: sensing, linking, channel, technology, conditions; null when hidden or too few") java.util.Map<String, @Nullable AssessmentScoreJson> scores) {
    }

    @Schema(name = "AssessmentGap", description = "Management minus front line on one capability (Welch)")
    record AssessmentGapJson(String capability, boolean hidden, @Nullable AssessmentScoreJson management,
            @Nullable AssessmentScoreJson frontLine, @Nullable Double difference, @Nullable Double lower, @Nullable Double upper,
            @Nullable Double pValue) {
    }

    @Schema(name = "AssessmentRound")
    record AssessmentRoundJson(UUID id, String name, LocalDate opensOn, LocalDate closesOn, int k, List<AssessmentUnitJson> units,
            List<AssessmentGapJson> gaps) {
    }

    @GetMapping
    @Operation(summary = "Results of Day's self-assessment per round, capability and department")
    List<AssessmentRoundJson> rounds() {
        List<AssessmentRoundJson> rounds = new ArrayList<>();
        for (RoundResult result : results.all()) {
            DayReading reading = result.reading();
            List<AssessmentUnitJson> units = new ArrayList<>();
            for (DayReading.Unit unit : reading.units()) {
                java.util.Map<String, @Nullable AssessmentScoreJson> scores = new java.util.LinkedHashMap<>();
                for (DayArea area : DayArea.values()) {
                    scores.put(area.name().toLowerCase(Locale.ROOT), AssessmentScoreJson.of(reading.score(area, unit)));
                }
                Long invited = unit.organisation() ? Long.valueOf(result.invited().values().stream().mapToLong(Long::longValue).sum())
                        : result.invited().get(unit.department());
                units.add(new AssessmentUnitJson(unit.department(), unit.respondents(), invited, unit.hidden(), scores));
            }
            List<AssessmentGapJson> gaps = new ArrayList<>();
            for (DayReading.Gap gap : reading.gaps()) {
                Comparison c = gap.comparison();
                String capability = gap.area().name().toLowerCase(Locale.ROOT);
                gaps.add(c == null ? new AssessmentGapJson(capability, gap.hidden(), null, null, null, null, null, null)
                        : new AssessmentGapJson(capability, false, AssessmentScoreJson.of(java.util.Optional.of(c.first())),
                                AssessmentScoreJson.of(java.util.Optional.of(c.second())), c.difference().value(), c.difference().lower(),
                                c.difference().upper(), c.difference().pValue()));
            }
            rounds.add(new AssessmentRoundJson(result.round().id(), result.round().name(), result.round().opensOn(), result.round().closesOn(),
                    results.k(), units, gaps));
        }
        return rounds;
    }
}
