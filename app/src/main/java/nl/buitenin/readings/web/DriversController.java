package nl.buitenin.readings.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.listening.ScoredSurvey;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.NotFoundException;
import nl.buitenin.platform.PageController;
import nl.buitenin.readings.internal.DriverReading;
import nl.buitenin.readings.internal.DriverReport;

/**
 * "What matters most": per driver question of a survey its importance for the overall score and its current
 * performance, as a table and as a priority matrix, with what such a reading does and does not show.
 */
@PageController
@Allow({Role.ADMIN, Role.ANALYST})
class DriversController {

    private final DriverReading reading;
    private final Organisations organisations;
    private final Clock clock;

    DriversController(DriverReading reading, Organisations organisations, Clock clock) {
        this.reading = reading;
        this.organisations = organisations;
        this.clock = clock;
    }

    /** One driver as the table shows it: numbers in the reader's language, the advice as a message key. */
    record Row(int number, String question, String importance, String importanceInterval, String performance, String performanceInterval,
            String scale, String performanceShare, String quadrantKey) {
    }

    @GetMapping("/readings/drivers")
    String page(@RequestParam(required = false) @Nullable String survey, @RequestParam(required = false) @Nullable String outcome,
            @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to, Model model,
            Locale locale) {
        List<ScoredSurvey> surveys = reading.surveys();
        model.addAttribute("surveys", surveys);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("outcome", outcome);
        model.addAttribute("resamples", DriverReading.RESAMPLES);
        model.addAttribute("minimum", DriverReading.MIN_RESPONSES);
        model.addAttribute("perDriver", DriverReading.PER_DRIVER);
        try {
            DriversRequest request = DriversRequest.read(survey, outcome, from, to,
                    LocalDate.now(clock.withZone(organisations.current().timeZone())));
            ScoredSurvey chosen = request.survey() == null ? reading.defaultSurvey().orElse(null)
                    : surveys.stream().filter(s -> s.id().equals(request.survey())).findFirst().orElse(null);
            if (chosen == null && request.survey() != null) {
                throw InvalidInputException.of("survey", "readings.invalid.drivers.unknownSurvey");
            }
            model.addAttribute("chosen", chosen);
            if (chosen != null) {
                DriverReport report = reading.read(chosen.id(), request.outcome(), request.from(), request.to());
                model.addAttribute("report", report);
                List<String> questions = report.drivers().stream().map(d -> d.question().text(locale)).toList();
                model.addAttribute("rows", rows(report, locale));
                if (!report.shown()) {
                    DriverReport.Withheld withheld = report.withheld();
                    model.addAttribute("withheldKey", "readings.drivers.withheld." + withheld.reason().name().toLowerCase(Locale.ROOT));
                    model.addAttribute("withheldArgs", List.of(report.complete(), withheld.needed(),
                            "en".equals(locale.getLanguage()) ? String.valueOf(withheld.questionEn()) : String.valueOf(withheld.questionNl())));
                }
                if (report.shown()) {
                    model.addAttribute("matrix", PriorityMatrix.of(report.drivers(), questions));
                    model.addAttribute("rSquared", String.format(locale, "%.0f %%", 100 * report.rSquared()));
                }
            }
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
        } catch (NotFoundException e) {
            model.addAttribute("errors", List.of(InvalidInputException.FieldError.of("survey", "readings.invalid.drivers.unknownSurvey")));
        }
        return "readings/drivers";
    }

    private static List<Row> rows(DriverReport report, Locale locale) {
        List<Row> rows = new java.util.ArrayList<>();
        int number = 1;
        for (DriverReport.Driver d : report.drivers()) {
            rows.add(new Row(number++, d.question().text(locale), percent(d.importance(), locale),
                    percent(d.importanceLow(), locale) + " – " + percent(d.importanceHigh(), locale), decimal(d.performance(), locale),
                    decimal(d.performanceLow(), locale) + " – " + decimal(d.performanceHigh(), locale), d.scaleMin() + "–" + d.scaleMax(),
                    String.format(locale, "%.0f %%", d.performanceShare()), "readings.drivers.quadrant." + quadrant(d.quadrant())));
        }
        return rows;
    }

    static String quadrant(DriverReport.Quadrant quadrant) {
        return switch (quadrant) {
            case FIX_FIRST -> "fixFirst";
            case KEEP_UP -> "keepUp";
            case LATER -> "later";
            case NO_MORE -> "noMore";
        };
    }

    private static String percent(double share, Locale locale) {
        return String.format(locale, "%.0f %%", 100 * share);
    }

    private static String decimal(double value, Locale locale) {
        return String.format(locale, "%.1f", value);
    }
}
