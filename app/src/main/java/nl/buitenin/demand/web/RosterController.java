package nl.buitenin.demand.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.demand.internal.DemandFigures;
import nl.buitenin.demand.internal.erlang.StaffingGoal;
import nl.buitenin.demand.internal.roster.Gaps;
import nl.buitenin.demand.internal.roster.Roster;
import nl.buitenin.demand.internal.roster.RosterEntry;
import nl.buitenin.demand.internal.roster.RosterGaps;
import nl.buitenin.demand.internal.roster.RosterSaved;
import nl.buitenin.demand.internal.volume.SeriesKey;
import nl.buitenin.platform.CsvInput;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;
import nl.buitenin.platform.PageController;
import nl.buitenin.platform.RequestValues;

/**
 * The roster page (a day of a series as a grid of intervals, edited per cell, or a CSV file for many days at once) and
 * the gaps as CSV. Planners and administrators only: the roster is theirs to write.
 */
@PageController
@Allow({Role.PLANNER, Role.ADMIN})
class RosterController {

    /** Inputs of the grid are named by their interval's start in epoch seconds, which is unique also in the hour that repeats. */
    private static final String CELL = "cell-";

    private final DemandFigures figures;
    private final Roster roster;
    private final RosterGaps gaps;
    private final java.time.Clock clock;

    RosterController(DemandFigures figures, Roster roster, RosterGaps gaps, java.time.Clock clock) {
        this.figures = figures;
        this.roster = roster;
        this.gaps = gaps;
        this.clock = clock;
    }

    /** One input of the grid: its interval, the count shown (as typed when the form came back), what the plan needs there. */
    record Cell(String name, String time, String value, @Nullable Integer needed, @Nullable FieldError error) {
    }

    /** A row of the grid: one hour (twice on the day the clocks go back). */
    record Hour(String label, List<Cell> cells) {
    }

    @GetMapping("/demand/roster")
    String page(@RequestParam(required = false) String series, @RequestParam(required = false) String day, Model model) {
        Optional<SeriesKey> key = select(series, model);
        LocalDate date = day(day);
        if (key.isPresent()) {
            Map<Instant, Integer> stored = roster.days(key.get(), date, date);
            Map<String, String> values = new HashMap<>();
            stored.forEach((start, agents) -> values.put(CELL + start.getEpochSecond(), String.valueOf(agents)));
            grid(key.get(), date, values, Map.of(), model);
        }
        return "demand/roster";
    }

    @PostMapping("/demand/roster")
    String save(@RequestParam String series, @RequestParam String day, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        SeriesKey key = select(series, model).orElseThrow(() -> InvalidInputException.of("series", "demand.roster.invalid.series"));
        LocalDate date = day(day);
        Map<Instant, @Nullable Integer> cells = new LinkedHashMap<>();
        Map<String, FieldError> errors = new LinkedHashMap<>();
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm");
        for (ZonedDateTime start : roster.intervalsOf(date)) {
            String name = CELL + start.toInstant().getEpochSecond();
            if (!form.containsKey(name)) {
                continue;
            }
            String text = form.get(name);
            if (RequestValues.blank(text)) {
                cells.put(start.toInstant(), null);
                continue;
            }
            try {
                Integer agents = RequestValues.whole(time.format(start), text, "demand.roster.invalid.agents");
                if (agents == null || agents < 0 || agents > RosterEntry.MAX_AGENTS) {
                    throw InvalidInputException.of(time.format(start), "demand.roster.invalid.agents", text.strip());
                }
                cells.put(start.toInstant(), agents);
            } catch (InvalidInputException e) {
                errors.put(name, e.errors().get(0));
            }
        }
        if (!errors.isEmpty()) {
            model.addAttribute("errors", List.copyOf(errors.values()));
            grid(key, date, form, errors, model);
            return "demand/roster";
        }
        RosterSaved saved = roster.saveDay(key, date, cells);
        redirect.addFlashAttribute("saved", saved);
        return "redirect:/demand/roster?series=" + java.net.URLEncoder.encode(series, java.nio.charset.StandardCharsets.UTF_8) + "&day=" + date;
    }

    @PostMapping("/demand/roster/import")
    String importFile(@RequestParam("file") MultipartFile file, @RequestParam(required = false) String series,
            @RequestParam(required = false) String day, Model model) throws IOException {
        Optional<SeriesKey> key = select(series, model);
        LocalDate date = day(day);
        if (file.isEmpty()) {
            model.addAttribute("errors", List.of(FieldError.of("file", "demand.invalid.chooseFile")));
        } else {
            try (var reader = CsvInput.utf8(file.getInputStream())) {
                Roster.Report report = roster.importCsv(reader, key.orElse(null));
                model.addAttribute("report", report);
                model.addAttribute("shownErrors", report.errors().stream().limit(100).toList());
                model.addAttribute("fileName", file.getOriginalFilename());
            } catch (InvalidInputException e) {
                model.addAttribute("errors", e.errors());
            }
        }
        key.ifPresent(k -> {
            Map<String, String> values = new HashMap<>();
            roster.days(k, date, date).forEach((start, agents) -> values.put(CELL + start.getEpochSecond(), String.valueOf(agents)));
            grid(k, date, values, Map.of(), model);
        });
        return "demand/roster";
    }

    @GetMapping("/demand/staffing/gaps.csv")
    @Allow({Role.PLANNER, Role.ADMIN, Role.ANALYST})
    void gapsCsv(@RequestParam(required = false) String series, @RequestParam(required = false) String target,
            @RequestParam(required = false) String aht, @RequestParam(required = false) String patience,
            @RequestParam(required = false) String maxAsa, @RequestParam(required = false) String maxOccupancy,
            @RequestParam(required = false) String shrinkage, HttpServletResponse response) throws IOException {
        StaffingForm form = target == null ? StaffingForm.defaults() : new StaffingForm(target, aht, patience, maxAsa, maxOccupancy, shrinkage);
        SeriesKey key = figures.resolve(DemandController.channelOf(series), DemandController.locationOf(series))
                .orElseThrow(() -> InvalidInputException.of("series", "demand.invalid.noCountsPlan"));
        RosterGaps.PlanAndGaps result = gaps.of(key, form.goal(), form.ahtSeconds(), DemandController.FORECAST_DAYS);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"staffing-gaps.csv\"");
        PrintWriter out = response.getWriter();
        GapsCsv.write(out, result.gaps());
        out.flush();
    }

    private void grid(SeriesKey series, LocalDate date, Map<String, String> values, Map<String, FieldError> errors, Model model) {
        Map<Instant, Integer> needed = new HashMap<>();
        try {
            DemandFigures.Plan plan = gaps.of(series, StaffingGoal.usual(), null, DemandController.FORECAST_DAYS).plan();
            plan.intervals().forEach(i -> needed.put(i.start().toInstant(), i.scheduled()));
            if (plan.days().contains(date)) {
                model.addAttribute("planned", true);
            }
        } catch (nl.buitenin.platform.NotFoundException noCounts) {
            // A series without counts has no plan: the grid shows the roster alone.
        }
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm");
        List<Hour> hours = new ArrayList<>();
        Hour current = null;
        ZonedDateTime currentHour = null;
        for (ZonedDateTime start : roster.intervalsOf(date)) {
            ZonedDateTime hour = start.withMinute(0);
            if (current == null || !hour.equals(currentHour)) {
                current = new Hour(time.format(hour), new ArrayList<>());
                currentHour = hour;
                hours.add(current);
            }
            String name = CELL + start.toInstant().getEpochSecond();
            String value = values.getOrDefault(name, "");
            current.cells().add(new Cell(name, time.format(start), value == null ? "" : value, needed.get(start.toInstant()), errors.get(name)));
        }
        model.addAttribute("hours", hours);
        model.addAttribute("day", date);
        model.addAttribute("previousDay", date.minusDays(1));
        model.addAttribute("nextDay", date.plusDays(1));
        model.addAttribute("columns", String.join(", ", Roster.columns()));
        model.addAttribute("intervalMinutes", roster.intervalMinutes());
        List<String> minuteLabels = new ArrayList<>();
        for (int minute = 0; minute < 60; minute += roster.intervalMinutes()) {
            minuteLabels.add(String.format(":%02d", minute));
        }
        model.addAttribute("minuteLabels", minuteLabels);
    }

    private LocalDate day(@Nullable String text) {
        LocalDate date = RequestValues.date("day", text, "demand.roster.invalid.day");
        ZoneId zone = roster.zone();
        return date != null ? date : LocalDate.now(clock.withZone(zone)).plusDays(1);
    }

    private Optional<SeriesKey> select(@Nullable String series, Model model) {
        List<SeriesKey> all = figures.series();
        model.addAttribute("allSeries", all);
        Optional<SeriesKey> key = figures.resolve(DemandController.channelOf(series), DemandController.locationOf(series));
        key.ifPresent(k -> model.addAttribute("series", k));
        key.ifPresent(k -> model.addAttribute("seriesValue", k.parameter()));
        return key;
    }
}
