package nl.buitenin.demand.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import nl.buitenin.demand.internal.forecast.Accuracy;
import nl.buitenin.demand.internal.forecast.Backtest;
import nl.buitenin.demand.internal.forecast.Closures;
import nl.buitenin.demand.internal.forecast.Forecaster;
import nl.buitenin.demand.internal.forecast.History;
import nl.buitenin.demand.internal.forecast.PredictionIntervals;
import nl.buitenin.demand.internal.volume.Histories;
import nl.buitenin.demand.internal.volume.SeriesKey;
import nl.buitenin.demand.internal.volume.VolumeCsv;
import nl.buitenin.organisation.Organisation;
import nl.buitenin.platform.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code buitenin forecast volumes.csv}: forecasts the days after the file's last day, or with
 * {@code --backtest} prints the accuracy of every method on held-out weeks.
 */
@Command(name = "forecast", mixinStandardHelpOptions = true,
        description = {"Forecast contact volumes per interval from a CSV (columns interval_start [and date], calls or offered,",
                "optional channel and location), or with --backtest show MAE, RMSE and MAPE per method on held-out weeks."})
public final class ForecastCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "CSV", description = "Contact volumes per interval.")
    Path file;

    @Option(names = "--backtest", description = "Print the accuracy of every method on the last weeks instead of a forecast.")
    boolean backtest;

    @Option(names = "--held-out-weeks", defaultValue = "8", description = "Weeks held out for the backtest (default ${DEFAULT-VALUE}).")
    int heldOutWeeks;

    @Option(names = "--selection-weeks", defaultValue = "8",
            description = "Weeks before those on which the method is chosen (default ${DEFAULT-VALUE}).")
    int selectionWeeks;

    @Option(names = "--interval", description = "Sum into intervals of this length, such as 15m (default: as in the file).")
    String interval;

    @Option(names = "--days", defaultValue = "14", description = "Days to forecast (default ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--calendar", defaultValue = "nl", description = "Public holidays to treat as closed: nl or none (default ${DEFAULT-VALUE}).")
    String calendar;

    @Option(names = "--closed", split = ",", description = "Extra closed days, such as 2026-12-24,2026-12-31.")
    List<LocalDate> closed = List.of();

    @Option(names = "--channel", description = "Only this channel when the file holds several series.")
    String channel;

    @Option(names = "--location", description = "Only this location when the file holds several series.")
    String location;

    @Option(names = "--zone", defaultValue = "Europe/Amsterdam", description = "Time zone of the file's local times (default ${DEFAULT-VALUE}).")
    String zone;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Option(names = "--no-progress", description = "Do not show a progress bar while reading.")
    boolean noProgress;

    /** The backtest as printed by --json. */
    record BacktestJson(String series, int intervalMinutes, String chosen, String baseline, LocalDate heldOutFrom, LocalDate heldOutTo,
            List<Accuracy> heldOut, List<Accuracy> selection, Backtest.Improvement improvement) {
    }

    record ForecastJson(String series, String method, int intervalMinutes, List<DayJson> days) {
    }

    record DayJson(LocalDate date, String closedBecause, Map<String, IntervalJson> intervals) {
    }

    /** A point forecast with its 80 % and 95 % prediction interval; the bounds are null where the history was too short for a band. */
    record IntervalJson(double forecast, Double low80, Double high80, Double low95, Double high95) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (!calendar.equals("nl") && !calendar.equals("none")) {
                throw new InvalidInputException("calendar", "must be nl or none, got " + calendar);
            }
            VolumeCsv.Result read = VolumeFile.read(file, Organisation.zone(zone), !noProgress && !json);
            if (!read.errors().isEmpty()) {
                read.errors().stream().limit(20).forEach(e -> err.println(file.getFileName() + " " + e));
                err.println(read.errors().size() + " rows could not be read; nothing was forecast.");
                err.flush();
                return 2;
            }
            SeriesKey key;
            History history;
            Map<SeriesKey, History> series = Histories.bySeries(read.rows().stream().filter(this::selected).toList(),
                    Histories.detectInterval(read.rows()));
            if (series.size() != 1) {
                throw new InvalidInputException("series", (series.isEmpty() ? "no rows match" : "the file holds " + series.keySet())
                        + "; choose one with --channel and --location");
            }
            key = series.keySet().iterator().next();
            history = series.get(key);
            if (interval != null) {
                history = history.coarsened((int) Math.round(Durations.seconds("interval", interval, 60) / 60));
            }
            Closures closures = new Closures(calendar.equals("nl"), closedDays());
            if (backtest) {
                Backtest.Report report = Backtest.run(Forecaster.openDaysOnly(history, closures), Forecaster.METHODS,
                        Forecaster.BASELINE, heldOutWeeks, selectionWeeks);
                if (json) {
                    out.println(Json.write(new BacktestJson(key.toString(), history.intervalMinutes(), report.chosen(),
                            report.baseline(), report.heldOutFrom(), report.heldOutTo(), report.heldOut(), report.selection(),
                            report.improvement())));
                } else {
                    printBacktest(out, key, history, report);
                }
            } else {
                Forecaster.Forecast forecast = Forecaster.forecast(history, closures, history.last().plusDays(1), days);
                if (json) {
                    out.println(Json.write(forecastJson(key, forecast)));
                } else {
                    printForecast(out, forecast);
                }
            }
            out.flush();
            return 0;
        } catch (InvalidInputException | IllegalArgumentException e) {
            err.println("forecast: " + e.getMessage());
            err.flush();
            return 2;
        } catch (IOException e) {
            err.println("forecast: cannot read " + file + ": " + e.getMessage());
            err.flush();
            return 2;
        }
    }

    private boolean selected(VolumeCsv.Row row) {
        return (channel == null || row.channel().name().equalsIgnoreCase(channel)) && (location == null || row.location().equals(location));
    }

    private Map<LocalDate, String> closedDays() {
        Map<LocalDate, String> result = new HashMap<>();
        closed.forEach(d -> result.put(d, "closed"));
        return result;
    }

    private void printBacktest(PrintWriter out, SeriesKey key, History history, Backtest.Report report) {
        Accuracy chosen = report.heldOut(report.chosen());
        out.printf(Locale.ROOT, "Backtest of %s in %d-minute intervals: held-out weeks %s to %s (%d days, %d intervals),%n",
                file.getFileName(), history.intervalMinutes(), report.heldOutFrom(), report.heldOutTo(), chosen.days(),
                chosen.intervals());
        out.printf(Locale.ROOT, "each week forecast from the days before its Monday; method chosen on the %d weeks before.%n%n",
                selectionWeeks);
        out.printf(Locale.ROOT, "%-26s %8s %20s %8s %8s %7s%n", "method", "MAE", "95% CI of MAE", "RMSE", "MAPE %", "n");
        for (Accuracy a : report.heldOut()) {
            String mark = a.method().equals(report.chosen()) ? "  chosen" : a.method().equals(report.baseline()) ? "  baseline" : "";
            out.printf(Locale.ROOT, "%-26s %8.2f %9.2f to %7.2f %8.2f %8.2f %7d%s%n", a.method(), a.mae(), a.maeLow(), a.maeHigh(),
                    a.rmse(), a.mape(), a.intervals(), mark);
        }
        Backtest.Improvement improvement = report.improvement();
        if (improvement != null && !report.chosen().equals(report.baseline())) {
            Accuracy baseline = report.heldOut(report.baseline());
            out.printf(Locale.ROOT, "%n%s against %s: MAE %.1f %% lower (95 %% CI %.1f %% to %.1f %%, paired over %d days), "
                            + "RMSE %.1f %% lower, MAPE %.2f instead of %.2f points.%n",
                    report.chosen(), report.baseline(), improvement.percent(), improvement.low(), improvement.high(), improvement.days(),
                    100 * (baseline.rmse() - chosen.rmse()) / baseline.rmse(), chosen.mape(), baseline.mape());
        } else {
            out.printf(Locale.ROOT, "%nThe baseline %s was chosen: no method did better on the selection weeks.%n", report.baseline());
        }
    }

    private void printForecast(PrintWriter out, Forecaster.Forecast forecast) {
        out.println("date,interval_start,forecast,low80,high80,low95,high95,method");
        for (Forecaster.DayForecast day : forecast.days()) {
            if (day.counts() == null) {
                continue;
            }
            for (int slot = 0; slot < day.counts().length; slot++) {
                if (day.counts()[slot] > 0) {
                    IntervalJson interval = interval(day, slot);
                    out.printf(Locale.ROOT, "%s,%s,%.1f,%s,%s,%s,%s,%s%n", day.date(),
                            LocalTime.MIN.plusMinutes((long) slot * forecast.intervalMinutes()), day.counts()[slot], csv(interval.low80()),
                            csv(interval.high80()), csv(interval.low95()), csv(interval.high95()), forecast.method());
                }
            }
        }
    }

    private static String csv(Double bound) {
        return bound == null ? "" : String.format(Locale.ROOT, "%.1f", bound);
    }

    private static IntervalJson interval(Forecaster.DayForecast day, int slot) {
        PredictionIntervals.Band band = day.band();
        return new IntervalJson(rounded(day.counts()[slot]), rounded(band.low80()[slot]), rounded(band.high80()[slot]),
                rounded(band.low95()[slot]), rounded(band.high95()[slot]));
    }

    private static Double rounded(double value) {
        return Double.isNaN(value) ? null : Math.round(value * 10) / 10.0;
    }

    private ForecastJson forecastJson(SeriesKey key, Forecaster.Forecast forecast) {
        List<DayJson> result = new java.util.ArrayList<>();
        for (Forecaster.DayForecast day : forecast.days()) {
            Map<String, IntervalJson> intervals = new java.util.LinkedHashMap<>();
            if (day.counts() != null) {
                for (int slot = 0; slot < day.counts().length; slot++) {
                    if (day.counts()[slot] > 0) {
                        intervals.put(LocalTime.MIN.plusMinutes((long) slot * forecast.intervalMinutes()).toString(), interval(day, slot));
                    }
                }
            }
            result.add(new DayJson(day.date(), day.closedBecause(), intervals));
        }
        return new ForecastJson(key.toString(), forecast.method(), forecast.intervalMinutes(), result);
    }
}
