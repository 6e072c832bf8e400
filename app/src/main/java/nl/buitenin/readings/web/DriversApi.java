package nl.buitenin.readings.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
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
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.RequestValues;
import nl.buitenin.readings.internal.DriverReading;
import nl.buitenin.readings.internal.DriverReport;

/** Key drivers of a survey's overall score in a period: importance shares with bootstrap intervals and performance. */
@RestController
class DriversApi {

    private final DriverReading reading;
    private final Organisations organisations;
    private final MessageSource messages;
    private final Clock clock;

    DriversApi(DriverReading reading, Organisations organisations, MessageSource messages, Clock clock) {
        this.reading = reading;
        this.organisations = organisations;
        this.messages = messages;
        this.clock = clock;
    }

    @Schema(name = "KeyDriverQuestion")
    record QuestionJson(String key, @Schema(description = "NPS, CSAT, CES, RATING_5 or RATING_10") String type, String textNl, String textEn) {
    }

    @Schema(name = "KeyDriver")
    record DriverJson(QuestionJson question,
            @Schema(description = "share of the explained variance (LMG), 0 to 1; the drivers' shares add up to 1") double importance,
            @Schema(description = "lower bound of the percentile bootstrap 95 % interval of the share") double importanceLow,
            @Schema(description = "upper bound of the percentile bootstrap 95 % interval of the share") double importanceHigh,
            @Schema(description = "mean score on the question's own scale (current performance)") double mean,
            @Schema(description = "lower bound of the mean's 95 % t interval") double meanLow,
            @Schema(description = "upper bound of the mean's 95 % t interval") double meanHigh,
            int scaleMin, int scaleMax,
            @Schema(description = "the mean as a share of the scale, 0 (lowest answer) to 100 (highest)") double performance,
            @Schema(description = "FIX_FIRST, KEEP_UP, LATER or NO_MORE: important above the equal share, performance below the drivers' average")
            String quadrant) {
    }

    @Schema(name = "KeyDriverWithheld")
    record WithheldJson(@Schema(description = "NO_OUTCOME, NO_DRIVERS, TOO_MANY_DRIVERS, TOO_FEW or NO_SPREAD") String reason,
            @Schema(description = "the reason in the reader's language (Accept-Language)") String explanation) {
    }

    @Schema(name = "KeyDrivers")
    record DriversJson(UUID survey, String titleNl, String titleEn, @Schema(description = "the overall question; null when the survey has none")
            @Nullable QuestionJson outcome, LocalDate from, LocalDate to,
            @Schema(description = "responses in the period that answered the overall question") int responses,
            @Schema(description = "of which answered every driver question too: the rows the model uses") int complete,
            @Schema(description = "share of the overall score's variance the drivers explain together; null when withheld") @Nullable Double rSquared,
            @Schema(description = "bootstrap resamples (seeded, so a reading repeats)") int resamples,
            @Schema(description = "complete responses needed: at least this many, and 10 per driver") int minimum,
            @Schema(description = "why no drivers are given; null when they are") @Nullable WithheldJson withheld,
            @Schema(description = "most important first") List<DriverJson> drivers) {
    }

    @GetMapping("/api/v1/readings/drivers")
    @Allow(value = {Role.ADMIN, Role.ANALYST}, scopes = Scope.READ)
    @Operation(summary = "Key drivers of a survey's overall score: relative importance (LMG) with bootstrap 95 % intervals and current performance",
            description = "The overall question is the survey's NPS question, else its CSAT question, unless `outcome` names another; the "
                    + "survey's other scale questions are the drivers. Every version of the survey counts; a response counts when it "
                    + "answered all of them (complete cases). Withheld below " + DriverReading.MIN_RESPONSES + " complete responses "
                    + "and below " + DriverReading.PER_DRIVER + " per driver. Relative importance describes association in these "
                    + "answers, not cause. Without dates: the six months up to today.")
    DriversJson drivers(@Parameter(description = "survey id (any of its versions)") @RequestParam(required = false) @Nullable String survey,
            @Parameter(description = "question key of the overall question; the NPS (else CSAT) question when absent")
            @RequestParam(required = false) @Nullable String outcome,
            @Parameter(description = "first day, 2026-06-01") @RequestParam(required = false) @Nullable String from,
            @Parameter(description = "last day, 2026-11-30") @RequestParam(required = false) @Nullable String to, Locale locale) {
        List<InvalidInputException.FieldError> missing = RequestValues.blank(survey)
                ? List.of(InvalidInputException.FieldError.of("survey", "readings.invalid.drivers.surveyMissing")) : List.of();
        DriversRequest request;
        try {
            request = DriversRequest.read(survey, outcome, from, to, LocalDate.now(clock.withZone(organisations.current().timeZone())));
        } catch (InvalidInputException e) {
            List<InvalidInputException.FieldError> all = new java.util.ArrayList<>(missing);
            all.addAll(e.errors());
            throw new InvalidInputException(all);
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException(missing);
        }
        DriverReport report = reading.read(request.survey(), request.outcome(), request.from(), request.to());
        WithheldJson withheld = null;
        if (!report.shown()) {
            DriverReport.Withheld w = report.withheld();
            String question = "en".equals(locale.getLanguage()) ? String.valueOf(w.questionEn()) : String.valueOf(w.questionNl());
            withheld = new WithheldJson(w.reason().name(), messages.getMessage("readings.drivers.withheld." + w.reason().name().toLowerCase(Locale.ROOT),
                    new Object[] {report.complete(), w.needed(), question}, locale));
        }
        return new DriversJson(report.survey().id().value(), report.survey().titleNl(), report.survey().titleEn(),
                report.outcome() == null ? null : question(report.outcome()), report.from(), report.to(), report.responses(), report.complete(),
                report.rSquared(), DriverReading.RESAMPLES, DriverReading.MIN_RESPONSES, withheld,
                report.drivers().stream().map(d -> new DriverJson(question(d.question()), d.importance(), d.importanceLow(), d.importanceHigh(),
                        d.performance(), d.performanceLow(), d.performanceHigh(), d.scaleMin(), d.scaleMax(), d.performanceShare(),
                        d.quadrant().name())).toList());
    }

    private static QuestionJson question(nl.buitenin.listening.ScoredSurvey.Question question) {
        return new QuestionJson(question.key(), question.type().name(), question.textNl(), question.textEn());
    }
}
