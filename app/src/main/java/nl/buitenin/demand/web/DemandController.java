package nl.buitenin.demand.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.demand.internal.DemandFigures;
import nl.buitenin.demand.internal.erlang.Performance;
import nl.buitenin.demand.internal.erlang.Staffed;
import nl.buitenin.demand.internal.erlang.Staffing;
import nl.buitenin.demand.internal.erlang.StaffingGoal;
import nl.buitenin.demand.internal.erlang.Workload;
import nl.buitenin.demand.internal.roster.Gaps;
import nl.buitenin.demand.internal.roster.RosterGaps;
import nl.buitenin.demand.internal.volume.JdbcContactVolumes;
import nl.buitenin.demand.internal.volume.SeriesKey;
import nl.buitenin.demand.internal.volume.VolumeCsv;
import nl.buitenin.demand.internal.volume.VolumeImport;
import nl.buitenin.platform.CsvInput;
import nl.buitenin.journey.Channel;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.PageController;
import nl.buitenin.platform.RequestValues;
import tools.jackson.databind.json.JsonMapper;

/** The planner's pages: heat map and trend, import, forecast with backtest, staffing plan. */
@PageController
@Allow({Role.PLANNER, Role.ADMIN, Role.ANALYST})
class DemandController {

    private static final int HEAT_MAP_WEEKS = 12;
    static final int FORECAST_DAYS = 14;

    private final DemandFigures figures;
    private final VolumeImport volumeImport;
    private final JdbcContactVolumes volumes;
    private final MessageSource messages;
    private final JsonMapper json;
    private final RosterGaps rosterGaps;

    DemandController(DemandFigures figures, VolumeImport volumeImport, JdbcContactVolumes volumes, MessageSource messages,
            RosterGaps rosterGaps) {
        this.figures = figures;
        this.rosterGaps = rosterGaps;
        this.volumeImport = volumeImport;
        this.volumes = volumes;
        this.messages = messages;
        this.json = JsonMapper.builder().build();
    }

    @GetMapping("/demand")
    String overview(@RequestParam(required = false) String series, Model model, Locale locale) {
        Optional<SeriesKey> key = select(series, model);
        if (key.isPresent()) {
            DemandFigures.HeatMap heatMap = figures.heatMap(key.get(), HEAT_MAP_WEEKS);
            List<DemandFigures.WeekTotal> trend = figures.weeklyTrend(key.get(), HEAT_MAP_WEEKS);
            model.addAttribute("heatMap", heatMap);
            model.addAttribute("heatMapChart", json.writeValueAsString(Charts.heatMap(heatMap, locale, text("demand.chart.perDay", locale))));
            model.addAttribute("trend", trend);
            model.addAttribute("trendChart", json.writeValueAsString(Charts.trend(trend, text("demand.chart.contacts", locale))));
            model.addAttribute("busiest", figures.busiest(key.get(), HEAT_MAP_WEEKS, 10));
            model.addAttribute("weeks", HEAT_MAP_WEEKS);
        }
        return "demand/overview";
    }

    @GetMapping("/demand/import")
    @Allow({Role.PLANNER, Role.ADMIN})
    String importForm(Model model) {
        model.addAttribute("channels", Channel.values());
        model.addAttribute("intervalMinutes", figures.intervalMinutes());
        return "demand/import";
    }

    @PostMapping("/demand/import")
    @Allow({Role.PLANNER, Role.ADMIN})
    String importFile(@RequestParam("file") MultipartFile file, @RequestParam(required = false) String channel,
            @RequestParam(required = false) String location, Model model) throws IOException {
        model.addAttribute("channels", Channel.values());
        model.addAttribute("intervalMinutes", figures.intervalMinutes());
        Channel defaultChannel;
        try {
            defaultChannel = RequestValues.choice("channel", channel, Channel.class, "demand.invalid.unknownChannel", channel);
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
            return "demand/import";
        }
        if (file.isEmpty()) {
            model.addAttribute("errors", List.of(InvalidInputException.FieldError.of("file", "demand.invalid.chooseFile")));
            return "demand/import";
        }
        try (var reader = CsvInput.utf8(file.getInputStream())) {
            VolumeImport.Report report = volumeImport.importCsv(reader, defaultChannel, location);
            model.addAttribute("report", report);
            model.addAttribute("shownErrors", report.errors().stream().limit(100).toList());
            model.addAttribute("fileName", file.getOriginalFilename());
            model.addAttribute("columns", String.join(", ", VolumeCsv.COLUMNS));
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
        }
        return "demand/import";
    }

    @GetMapping("/demand/forecast")
    String forecast(@RequestParam(required = false) String series, Model model, Locale locale) {
        Optional<SeriesKey> key = select(series, model);
        if (key.isPresent()) {
            DemandFigures.ForecastView view = figures.forecast(key.get(), FORECAST_DAYS);
            model.addAttribute("view", view);
            model.addAttribute("bandWeeks", nl.buitenin.demand.internal.forecast.PredictionIntervals.WEEKS);
            model.addAttribute("forecastChart", json.writeValueAsString(Charts.forecast(view.forecast(), locale,
                    text("demand.chart.contacts", locale), List.of(text("demand.chart.band95", locale), text("demand.chart.band80", locale)))));
        }
        model.addAttribute("closures", figures.enteredClosures());
        return "demand/forecast";
    }

    @PostMapping("/demand/closures")
    @Allow({Role.PLANNER, Role.ADMIN})
    String addClosure(@RequestParam String day, @RequestParam String reason, @RequestParam(required = false) String series) {
        volumes.addClosure(date(day), reason);
        return "redirect:/demand/forecast" + (series == null ? "" : "?series=" + java.net.URLEncoder.encode(series, StandardCharsets.UTF_8));
    }

    @PostMapping("/demand/closures/delete")
    @Allow({Role.PLANNER, Role.ADMIN})
    String removeClosure(@RequestParam String day) {
        volumes.removeClosure(date(day));
        return "redirect:/demand/forecast";
    }

    @GetMapping("/demand/staffing")
    String staffing(@RequestParam(required = false) String series, @RequestParam(required = false) String target,
            @RequestParam(required = false) String aht, @RequestParam(required = false) String patience,
            @RequestParam(required = false) String maxAsa, @RequestParam(required = false) String maxOccupancy,
            @RequestParam(required = false) String shrinkage, @RequestParam(required = false) String calls,
            @RequestParam(required = false) String agents, @RequestParam(required = false) String gapDay, Model model, Locale locale) {
        StaffingForm form = target == null ? StaffingForm.defaults() : new StaffingForm(target, aht, patience, maxAsa, maxOccupancy, shrinkage);
        model.addAttribute("form", form);
        model.addAttribute("calls", calls);
        model.addAttribute("agents", agents);
        model.addAttribute("intervalMinutes", figures.intervalMinutes());
        Optional<SeriesKey> key = select(series, model);
        try {
            StaffingGoal goal = form.goal();
            Double ahtSeconds = form.ahtSeconds();
            if (!RequestValues.blank(calls)) {
                model.addAttribute("single", single(calls, agents, ahtSeconds, goal));
            }
            if (key.isPresent()) {
                RosterGaps.PlanAndGaps planAndGaps = rosterGaps.of(key.get(), goal, ahtSeconds, FORECAST_DAYS);
                DemandFigures.Plan plan = planAndGaps.plan();
                model.addAttribute("plan", plan);
                gaps(planAndGaps.gaps(), gapDay, model);
                model.addAttribute("planDays", Charts.planDays(plan, figures.intervalMinutes()));
                model.addAttribute("planChart", json.writeValueAsString(Charts.plan(plan, locale, text("demand.chart.agents", locale),
                        text("demand.chart.agentsHigh80", locale))));
            }
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
        }
        return "demand/staffing";
    }

    @GetMapping("/demand/forecast.csv")
    void forecastCsv(@RequestParam(required = false) String series, HttpServletResponse response) throws IOException {
        SeriesKey key = figures.resolve(channelOf(series), locationOf(series))
                .orElseThrow(() -> InvalidInputException.of("series", "demand.invalid.noCountsForecast"));
        DemandFigures.ForecastView view = figures.forecast(key, FORECAST_DAYS);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"forecast.csv\"");
        PrintWriter out = response.getWriter();
        ForecastCsv.write(out, view.forecast(), figures.zone());
        out.flush();
    }

    @GetMapping("/demand/staffing.csv")
    void staffingCsv(@RequestParam(required = false) String series, @RequestParam(required = false) String target,
            @RequestParam(required = false) String aht, @RequestParam(required = false) String patience,
            @RequestParam(required = false) String maxAsa, @RequestParam(required = false) String maxOccupancy,
            @RequestParam(required = false) String shrinkage, HttpServletResponse response) throws IOException {
        StaffingForm form = target == null ? StaffingForm.defaults() : new StaffingForm(target, aht, patience, maxAsa, maxOccupancy, shrinkage);
        SeriesKey key = figures.resolve(channelOf(series), locationOf(series))
                .orElseThrow(() -> InvalidInputException.of("series", "demand.invalid.noCountsPlan"));
        DemandFigures.Plan plan = figures.plan(key, form.goal(), form.ahtSeconds(), FORECAST_DAYS);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"staffing-plan.csv\"");
        PrintWriter out = response.getWriter();
        StaffingCsv.write(out, plan);
        out.flush();
    }

    /** The gaps of the plan's days; the table shows one rostered day, the one asked for or else the first with a shortage. */
    private void gaps(Gaps.Result gaps, String gapDay, Model model) {
        model.addAttribute("gaps", gaps);
        List<LocalDate> rostered = gaps.rostered();
        model.addAttribute("gapDays", rostered);
        if (rostered.isEmpty()) {
            return;
        }
        LocalDate asked = RequestValues.date("gapDay", gapDay, "demand.roster.invalid.day");
        LocalDate shown = asked != null && rostered.contains(asked) ? asked
                : rostered.stream().filter(d -> gaps.on(d).stream().anyMatch(Gaps.Gap::isShort)).findFirst().orElse(rostered.get(0));
        model.addAttribute("gapDay", shown);
        model.addAttribute("gapRows", gaps.on(shown));
        model.addAttribute("shortHours", gaps.shortAgentHours(figures.intervalMinutes()));
    }

    private Single single(String callsText, String agentsText, Double ahtSeconds, StaffingGoal goal) {
        double callCount = RequestValues.decimal("calls", callsText, "demand.invalid.calls");
        if (ahtSeconds == null) {
            throw InvalidInputException.of("aht", "demand.invalid.aht");
        }
        Workload workload = new Workload(callCount, figures.intervalMinutes() * 60.0, ahtSeconds);
        Integer agents = RequestValues.whole("agents", agentsText, "demand.invalid.wholeNumber");
        if (agents != null) {
            int n = agents;
            Performance p = Staffing.evaluate(workload, n, goal);
            return new Single(workload.erlangs(), new Staffed(n, goal.scheduled(n), p));
        }
        return new Single(workload.erlangs(), Staffing.required(workload, goal));
    }

    /** One interval computed in the form. */
    record Single(double erlangs, Staffed staffed) {
    }

    private Optional<SeriesKey> select(String series, Model model) {
        List<SeriesKey> all = figures.series();
        model.addAttribute("allSeries", all);
        Optional<SeriesKey> key = figures.resolve(channelOf(series), locationOf(series));
        key.ifPresent(k -> model.addAttribute("series", k));
        key.ifPresent(k -> model.addAttribute("seriesValue", k.parameter()));
        key.ifPresent(k -> model.addAttribute("seriesSource", figures.sourceOf(k)));
        return key;
    }

    static String channelOf(String series) {
        return series == null || !series.contains("|") ? null : series.substring(0, series.indexOf('|'));
    }

    static String locationOf(String series) {
        return series == null || !series.contains("|") ? null : series.substring(series.indexOf('|') + 1);
    }

    private static LocalDate date(String text) {
        return RequestValues.require(RequestValues.date("day", text, "demand.invalid.day"), "day", "demand.invalid.day", text);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
