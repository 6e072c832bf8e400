package nl.buitenin.textinsight.web;

import java.time.Clock;
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
import nl.buitenin.textinsight.internal.SentimentTrend;

/** The share of negative texts per week, for one journey or all, with n and the 95 % interval per week. */
@RestController
class SentimentTrendApi {

    private final SentimentTrend trend;
    private final Organisations organisations;
    private final Clock clock;

    SentimentTrendApi(SentimentTrend trend, Organisations organisations, Clock clock) {
        this.trend = trend;
        this.organisations = organisations;
        this.clock = clock;
    }

    @Schema(name = "SentimentTrendWeek")
    record SentimentWeekJson(@Schema(description = "the Monday the week starts on") LocalDate week,
            @Schema(description = "texts read in the week; null when hidden") @Nullable Long n,
            @Schema(description = "of which negative; null when hidden") @Nullable Long negative,
            @Schema(description = "share negative in percent; null when hidden or no texts") @Nullable Double share,
            @Schema(description = "lower bound of the Wilson 95 % interval, percent") @Nullable Double lower,
            @Schema(description = "upper bound of the Wilson 95 % interval, percent") @Nullable Double upper,
            @Schema(description = "true when the week is about fewer people than the small-cell rule allows") boolean hidden,
            @Schema(description = "the small-cell threshold, given when hidden") @Nullable Integer fewerThan) {
    }

    @Schema(name = "SentimentTrend")
    record TrendJson(@Schema(description = "Monday of the first week") LocalDate from, @Schema(description = "Sunday of the last week") LocalDate to,
            @Schema(description = "the journey counted; null for all texts") @Nullable UUID journey, List<SentimentWeekJson> weeks) {
    }

    @GetMapping("/api/v1/sentiment/trend")
    @Allow(value = {Role.ADMIN, Role.ANALYST}, scopes = Scope.READ)
    @Operation(summary = "Share of negative texts (comments, case texts, notes) per week, with n and Wilson 95 % interval",
            description = "Weeks run Monday to Sunday in the organisation's time zone; the period is widened to whole weeks "
                    + "(at most " + SentimentTrend.MAX_WEEKS + "). An analyst's corrected label counts. Without dates: the twelve weeks up to today.")
    TrendJson trend(@Parameter(description = "first day, 2026-03-01") @RequestParam(required = false) @Nullable String from,
            @Parameter(description = "last day, 2026-05-31") @RequestParam(required = false) @Nullable String to,
            @Parameter(description = "journey id; all journeys when absent") @RequestParam(required = false) @Nullable String journey) {
        TrendRequest request = TrendRequest.read(from, to, journey, LocalDate.now(clock.withZone(organisations.current().timeZone())));
        SentimentTrend.Trend weekly = trend.weekly(request.from(), request.to(), request.journey());
        return new TrendJson(weekly.from(), weekly.to(), weekly.journey() == null ? null : weekly.journey().value(),
                weekly.weeks().stream().map(w -> json(w, weekly.k())).toList());
    }

    private static SentimentWeekJson json(SentimentTrend.Week week, int k) {
        if (week.hidden()) {
            return new SentimentWeekJson(week.monday(), null, null, null, null, null, true, k);
        }
        return new SentimentWeekJson(week.monday(), week.count().n(), week.count().hits(), week.share() == null ? null : week.share().value(),
                week.share() == null ? null : week.share().lower(), week.share() == null ? null : week.share().upper(), false, null);
    }
}
