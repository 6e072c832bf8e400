package nl.buitenin.textinsight.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.journey.Journey;
import nl.buitenin.journey.Journeys;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.PageController;
import nl.buitenin.textinsight.internal.SentimentTrend;
import tools.jackson.databind.json.JsonMapper;

/**
 * The share of negative texts per week as a chart, with the same figures in a table for screen readers and for
 * anyone who wants the numbers: per week the share, its 95 % interval and n, or "fewer than k" for a small cell.
 */
@PageController
@Allow({Role.ADMIN, Role.ANALYST})
class SentimentTrendController {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d-M-yyyy");

    private final SentimentTrend trend;
    private final Journeys journeys;
    private final Organisations organisations;
    private final MessageSource messages;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    SentimentTrendController(SentimentTrend trend, Journeys journeys, Organisations organisations, MessageSource messages, Clock clock) {
        this.trend = trend;
        this.journeys = journeys;
        this.organisations = organisations;
        this.messages = messages;
        this.clock = clock;
    }

    /** One week as the table shows it: dates in words, figures rounded; hidden weeks say so. */
    record Row(String week, @Nullable String share, @Nullable String interval, @Nullable Long n, boolean hidden) {
    }

    @GetMapping("/sentiment")
    String page(@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String journey, Model model, Locale locale) {
        List<Journey> all = journeys.all().stream().sorted(Comparator.comparing(j -> j.name(locale))).toList();
        model.addAttribute("journeys", all);
        model.addAttribute("journey", journey);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        try {
            TrendRequest request = TrendRequest.read(from, to, journey, LocalDate.now(clock.withZone(organisations.current().timeZone())));
            SentimentTrend.Trend weekly = trend.weekly(request.from(), request.to(), request.journey());
            List<Row> rows = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            List<@Nullable Double> values = new ArrayList<>();
            List<@Nullable Double> lower = new ArrayList<>();
            List<@Nullable Double> upper = new ArrayList<>();
            for (SentimentTrend.Week week : weekly.weeks()) {
                String label = DAY.format(week.monday());
                labels.add(label);
                values.add(week.share() == null ? null : round(week.share().value()));
                lower.add(week.share() == null ? null : round(week.share().lower()));
                upper.add(week.share() == null ? null : round(week.share().upper()));
                rows.add(week.share() == null
                        ? new Row(label, null, null, week.hidden() ? null : week.count().n(), week.hidden())
                        : new Row(label, percent(week.share().value(), locale),
                                percent(week.share().lower(), locale) + " – " + percent(week.share().upper(), locale), week.count().n(), false));
            }
            Map<String, Object> chart = new LinkedHashMap<>();
            chart.put("labels", labels);
            chart.put("values", values);
            chart.put("lower", lower);
            chart.put("upper", upper);
            chart.put("valueLabel", messages.getMessage("textinsight.trend.share", null, locale));
            chart.put("intervalLabel", messages.getMessage("textinsight.trend.interval", null, locale));
            model.addAttribute("chart", json.writeValueAsString(chart));
            model.addAttribute("rows", rows);
            model.addAttribute("k", weekly.k());
            model.addAttribute("period", DAY.format(weekly.from()) + " – " + DAY.format(weekly.to()));
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
            model.addAttribute("rows", List.of());
        }
        return "textinsight/trend";
    }

    private static double round(double percent) {
        return Math.round(percent * 10) / 10.0;
    }

    private static String percent(double value, Locale locale) {
        return String.format(locale, "%.0f %%", value);
    }
}
