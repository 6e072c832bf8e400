package nl.buitenin.demand.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import nl.buitenin.demand.internal.DemandFigures;
import nl.buitenin.demand.internal.forecast.Forecaster;

/**
 * The data of the ECharts charts, as records the page puts in a {@code data-chart} attribute (no inline
 * scripts); static/js/demand.js draws them.
 */
final class Charts {

    private Charts() {
    }

    record HeatMapChart(String type, List<String> weekdays, List<String> hours, List<double[]> cells, double max, String valueLabel) {
    }

    record SeriesChart(String type, List<String> labels, List<Double> values, String valueLabel) {
    }

    /**
     * The forecast line with its 80 % and 95 % bands; a bound is null where the history was too short for a band.
     * {@code bandLabels} names the 95 % and the 80 % band in the reader's language.
     */
    record ForecastChart(String type, List<String> labels, List<Double> values, List<Double> low80, List<Double> high80, List<Double> low95,
            List<Double> high95, String valueLabel, List<String> bandLabels) {
    }

    static HeatMapChart heatMap(DemandFigures.HeatMap map, Locale locale, String valueLabel) {
        List<String> weekdays = new ArrayList<>();
        for (java.time.DayOfWeek day : java.time.DayOfWeek.values()) {
            weekdays.add(day.getDisplayName(TextStyle.SHORT, locale));
        }
        List<String> hours = new ArrayList<>();
        List<double[]> cells = new ArrayList<>();
        double max = 0;
        for (int hour = 0; hour < 24; hour++) {
            hours.add(String.format(Locale.ROOT, "%02d:00", hour));
            for (int weekday = 0; weekday < 7; weekday++) {
                double value = Math.round(map.hourByWeekday()[hour][weekday] * 10) / 10.0;
                cells.add(new double[] {weekday, hour, value});
                max = Math.max(max, value);
            }
        }
        return new HeatMapChart("heatmap", weekdays, hours, cells, max, valueLabel);
    }

    static SeriesChart trend(List<DemandFigures.WeekTotal> weeks, String valueLabel) {
        return new SeriesChart("bar", weeks.stream().map(w -> w.weekStart().toString()).toList(),
                weeks.stream().map(w -> (double) w.total()).toList(), valueLabel);
    }

    static ForecastChart forecast(Forecaster.Forecast forecast, Locale locale, String valueLabel, List<String> bandLabels) {
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<List<Double>> bounds = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        DateTimeFormatter day = DateTimeFormatter.ofPattern("EEE d MMM", locale);
        for (Forecaster.DayForecast d : forecast.days()) {
            if (d.counts() == null) {
                continue;
            }
            double[][] band = {d.band().low80(), d.band().high80(), d.band().low95(), d.band().high95()};
            for (int slot = 0; slot < d.counts().length; slot++) {
                if (d.counts()[slot] > 0) {
                    labels.add(day.format(d.date()) + " " + LocalTime.MIN.plusMinutes((long) slot * forecast.intervalMinutes()));
                    values.add(Math.round(d.counts()[slot] * 10) / 10.0);
                    for (int b = 0; b < band.length; b++) {
                        bounds.get(b).add(Double.isNaN(band[b][slot]) ? null : Math.round(band[b][slot] * 10) / 10.0);
                    }
                }
            }
        }
        return new ForecastChart("band", labels, values, bounds.get(0), bounds.get(1), bounds.get(2), bounds.get(3), valueLabel, bandLabels);
    }

    /** The plan's agents per interval, and as a dashed second line the agents the upper end of the 80 % band would need. */
    record PlanChart(String type, List<String> labels, List<Double> values, String valueLabel, List<Double> risk, String riskLabel) {
    }

    static PlanChart plan(DemandFigures.Plan plan, Locale locale, String valueLabel, String riskLabel) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", locale);
        return new PlanChart("step", plan.intervals().stream().map(i -> format.format(i.start())).toList(),
                plan.intervals().stream().map(i -> (double) i.scheduled()).toList(), valueLabel,
                plan.intervals().stream().map(i -> i.scheduledAtHigh80() == null ? null : (double) i.scheduledAtHigh80()).toList(), riskLabel);
    }

    /** Per day of a plan: the most agents at once and the agent hours. */
    record PlanDay(LocalDate date, int peak, double agentHours, double calls) {
    }

    static List<PlanDay> planDays(DemandFigures.Plan plan, int intervalMinutes) {
        java.util.Map<LocalDate, List<DemandFigures.PlanInterval>> byDay = new java.util.TreeMap<>();
        plan.intervals().forEach(i -> byDay.computeIfAbsent(i.start().toLocalDate(), d -> new ArrayList<>()).add(i));
        List<PlanDay> result = new ArrayList<>();
        byDay.forEach((date, intervals) -> result.add(new PlanDay(date,
                intervals.stream().mapToInt(DemandFigures.PlanInterval::scheduled).max().orElse(0),
                intervals.stream().mapToInt(DemandFigures.PlanInterval::scheduled).sum() * intervalMinutes / 60.0,
                intervals.stream().mapToDouble(DemandFigures.PlanInterval::calls).sum())));
        return result;
    }
}
