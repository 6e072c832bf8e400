package nl.buitenin.demand.internal.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bank's 5-minute call counts (fpp2::calls, 2003): the chosen method beats the four-week
 * same-weekday average on held-out weeks. The baseline's error is recomputed here independently.
 */
class BankBacktestTest {

    static History bank;
    static Map<LocalDate, int[]> raw = new TreeMap<>();

    @BeforeAll
    static void readBankData() throws Exception {
        bank = new History(5);
        try (var in = BankBacktestTest.class.getResourceAsStream("/demo/calls-bank-2003/calls_5min.csv");
                CSVParser parser = CSVParser.parse(new InputStreamReader(in, StandardCharsets.UTF_8),
                        CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            for (CSVRecord r : parser) {
                LocalDate date = LocalDate.parse(r.get("date"));
                LocalTime time = LocalTime.parse(r.get("interval_start"));
                int calls = Integer.parseInt(r.get("calls"));
                bank.add(date, time.getHour() * 60 + time.getMinute(), calls);
                raw.computeIfAbsent(date, d -> new int[169])[Integer.parseInt(r.get("interval_index")) - 1] = calls;
            }
        }
    }

    @Test
    void theDataIsComplete() {
        assertThat(bank.dates()).hasSize(164);
        assertThat(bank.dates().stream().mapToDouble(bank::total).sum()).isEqualTo(5_323_661);
    }

    @Test
    void theChosenMethodBeatsTheFourWeekWeekdayAverageOnHeldOutWeeks() {
        Backtest.Report report = Backtest.run(bank, Forecaster.METHODS, Forecaster.BASELINE, 8, 8);
        assertThat(report.chosen()).startsWith("interval-profile");
        Accuracy chosen = report.heldOut(report.chosen());
        Accuracy baseline = report.heldOut("weekday-average-4");
        assertThat(chosen.mae()).isLessThan(baseline.mae() * 0.95);
        assertThat(chosen.rmse()).isLessThan(baseline.rmse());
        assertThat(chosen.mape()).isLessThan(baseline.mape());
        assertThat(report.improvement().low()).as("lower end of the 95 %% interval of the improvement").isPositive();
        assertThat(chosen.intervals()).isEqualTo(38 * 169);
    }

    @Test
    void theBaselineErrorMatchesAnIndependentComputation() {
        // Held-out weekdays from Monday 1 September 2003; each forecast = mean of the last four same weekdays before its Monday.
        List<LocalDate> dates = new ArrayList<>(raw.keySet());
        double absolute = 0;
        double squared = 0;
        int n = 0;
        for (LocalDate day : dates) {
            if (day.isBefore(LocalDate.of(2003, 9, 1))) {
                continue;
            }
            LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            List<int[]> previous = new ArrayList<>();
            for (int i = dates.indexOf(day) - 1; i >= 0 && previous.size() < 4; i--) {
                LocalDate d = dates.get(i);
                if (d.isBefore(monday) && d.getDayOfWeek() == day.getDayOfWeek()) {
                    previous.add(raw.get(d));
                }
            }
            for (int k = 0; k < 169; k++) {
                double mean = 0;
                for (int[] p : previous) {
                    mean += p[k] / 4.0;
                }
                double error = mean - raw.get(day)[k];
                absolute += Math.abs(error);
                squared += error * error;
                n++;
            }
        }
        Accuracy baseline = Backtest.run(bank, Forecaster.METHODS, Forecaster.BASELINE, 8, 8).heldOut("weekday-average-4");
        assertThat(baseline.intervals()).isEqualTo(n);
        assertThat(baseline.mae()).isCloseTo(absolute / n, within(1e-9));
        assertThat(baseline.rmse()).isCloseTo(Math.sqrt(squared / n), within(1e-9));
    }

    @Test
    void aForecastOfTheNextWeeksLeavesHolidaysAndWeekendsClosed() {
        History history = new History(15);
        // Six weeks of an office open on weekdays 09:00-12:00, 10 contacts per quarter.
        for (LocalDate d = LocalDate.of(2026, 3, 2); d.isBefore(LocalDate.of(2026, 4, 13)); d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= 5) {
                for (int minute = 9 * 60; minute < 12 * 60; minute += 15) {
                    history.add(d, minute, 10);
                }
            }
        }
        Forecaster.Forecast forecast = Forecaster.forecast(history, new Closures(true, Map.of(LocalDate.of(2026, 4, 29), "Teamdag")),
                LocalDate.of(2026, 4, 20), 14);
        Map<LocalDate, Forecaster.DayForecast> byDate = new TreeMap<>();
        forecast.days().forEach(d -> byDate.put(d.date(), d));
        assertThat(byDate.get(LocalDate.of(2026, 4, 20)).total()).isCloseTo(120, within(1e-9));
        assertThat(byDate.get(LocalDate.of(2026, 4, 25)).counts()).isNull(); // Saturday: never open
        assertThat(byDate.get(LocalDate.of(2026, 4, 27)).closedBecause()).isEqualTo("Koningsdag");
        assertThat(byDate.get(LocalDate.of(2026, 4, 29)).closedBecause()).isEqualTo("Teamdag");
    }
}
