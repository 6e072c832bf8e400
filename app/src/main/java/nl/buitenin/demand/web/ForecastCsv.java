package nl.buitenin.demand.web;

import java.io.IOException;
import java.io.Writer;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import nl.buitenin.demand.internal.forecast.Forecaster;
import nl.buitenin.demand.internal.forecast.PredictionIntervals;
import nl.buitenin.demand.internal.volume.Intervals;

/**
 * The forecast as CSV: one row per open interval with its 80 % and 95 % prediction interval, times with
 * their offset so the repeated hour on the day the clocks go back is clear. Empty bounds: too little history.
 */
final class ForecastCsv {

    private ForecastCsv() {
    }

    static void write(Writer out, Forecaster.Forecast forecast, ZoneId zone) throws IOException {
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT);
        printer.printRecord("interval_start", "forecast", "low80", "high80", "low95", "high95", "method");
        int minutes = forecast.intervalMinutes();
        for (Forecaster.DayForecast day : forecast.days()) {
            if (day.counts() == null) {
                continue;
            }
            PredictionIntervals.Band band = day.band();
            for (ZonedDateTime start : Intervals.startsOf(day.date(), zone, minutes)) {
                int slot = Intervals.minuteOfDay(start) / minutes;
                if (day.counts()[slot] <= 0) {
                    continue;
                }
                printer.printRecord(start.toOffsetDateTime(), f(day.counts()[slot]), f(band.low80()[slot]), f(band.high80()[slot]),
                        f(band.low95()[slot]), f(band.high95()[slot]), forecast.method());
            }
        }
        printer.flush();
    }

    private static String f(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.1f", value);
    }
}
