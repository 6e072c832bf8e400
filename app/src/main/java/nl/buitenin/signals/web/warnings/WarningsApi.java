package nl.buitenin.signals.web.warnings;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.access.Scope;
import nl.buitenin.signals.internal.warnings.EarlyWarnings;
import nl.buitenin.signals.internal.warnings.Period;
import nl.buitenin.signals.internal.warnings.Warning;

/** The early warnings for machines: each with its state, series, test and threshold. */
@RestController
@RequestMapping("/api/v1/warnings")
@Allow(value = {Role.ADMIN, Role.ANALYST}, scopes = Scope.READ)
class WarningsApi {

    private final EarlyWarnings warnings;

    WarningsApi(EarlyWarnings warnings) {
        this.warnings = warnings;
    }

    @Schema(name = "WarningPeriod", description = "One period of a warning's series: a month (2026-11), or 'before'/'now' for the two "
            + "28-day windows of a rising theme")
    record PeriodJson(String period, long count, double base, double value) {
    }

    @Schema(name = "EarlyWarning")
    record WarningJson(@Schema(description = "listen-in, missed-sales, failure-demand, loop-closure, told-back, response-rate, "
            + "rising-theme or within-sla") String kind,
            @Schema(description = "ACTIVE, QUIET, TOO_LITTLE (too few cases to tell) or UNAVAILABLE (no data for it)") String state,
            @Schema(description = "rising or falling: the direction that is bad news") String bad,
            @Schema(description = "share (count of base) or rate (count per unit of base)") String measure,
            @Schema(description = "the smallest relative change, in percent, that raises the warning") int threshold,
            @Schema(description = "the tested (last) period's value") double recent,
            @Schema(description = "the pooled value of the periods before it") double baseline,
            @Schema(description = "recent / baseline - 1; null when the baseline is 0") @Nullable Double relativeChange,
            @Schema(description = "one-sided p-value: Fisher's exact test (share) or the conditional Poisson test (rate)") double pValue,
            @Schema(description = "trials or events over both parts") long n,
            @Schema(description = "for a rising theme: its Dutch name") @Nullable String subjectNl,
            @Nullable String subjectEn, List<PeriodJson> series) {

        static WarningJson of(Warning w) {
            return new WarningJson(w.kind().code(), w.state(), w.kind().bad().name().toLowerCase(java.util.Locale.ROOT),
                    w.kind().measure().name().toLowerCase(java.util.Locale.ROOT), w.threshold(), w.result().recent(), w.result().baseline(),
                    w.result().relativeChange(), w.result().pValue(), w.result().n(), w.subjectNl(), w.subjectEn(),
                    w.series().stream().map(WarningsApi::period).toList());
        }
    }

    private static PeriodJson period(Period p) {
        return new PeriodJson(p.label(), p.count(), p.base(), p.value());
    }

    @GetMapping
    @Operation(summary = "Every early warning now, computed from the data the product holds")
    List<WarningJson> all() {
        return warnings.now().stream().map(WarningJson::of).toList();
    }
}
