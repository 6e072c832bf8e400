package nl.buitenin.demand.internal.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bands cover the bank's actual calls about as often as they claim, on weeks they never saw: each of
 * the 8 held-out weeks (1 September – 24 October 2003) is forecast from the days before its Monday, as a
 * planner would, and every 5-minute actual is checked against its 80 % and 95 % band.
 */
class PredictionIntervalCoverageTest {

    static History bank;

    @BeforeAll
    static void readBankData() throws Exception {
        bank = new History(5);
        try (var in = PredictionIntervalCoverageTest.class.getResourceAsStream("/demo/calls-bank-2003/calls_5min.csv");
                CSVParser parser = CSVParser.parse(new InputStreamReader(in, StandardCharsets.UTF_8),
                        CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            for (CSVRecord r : parser) {
                LocalTime time = LocalTime.parse(r.get("interval_start"));
                bank.add(LocalDate.parse(r.get("date")), time.getHour() * 60 + time.getMinute(), Integer.parseInt(r.get("calls")));
            }
        }
    }

    /** Coverage of held-out actuals by the bands of forecasts made before each week. */
    record Coverage(int intervals, int inside80, int inside95, int days) {
        double of80() {
            return (double) inside80 / intervals;
        }

        double of95() {
            return (double) inside95 / intervals;
        }
    }

    static Coverage heldOut(History history, int interval) {
        History series = interval == 5 ? history : history.coarsened(interval);
        LocalDate firstMonday = LocalDate.of(2003, 9, 1);
        int intervals = 0;
        int inside80 = 0;
        int inside95 = 0;
        int days = 0;
        for (LocalDate monday = firstMonday; !monday.isAfter(series.last()); monday = monday.plusWeeks(1)) {
            History before = new History(series.intervalMinutes());
            for (LocalDate date : series.before(monday)) {
                double[] slots = series.day(date);
                for (int slot = 0; slot < slots.length; slot++) {
                    if (!Double.isNaN(slots[slot])) {
                        before.add(date, slot * series.intervalMinutes(), slots[slot]);
                    }
                }
            }
            Forecaster.Forecast forecast = Forecaster.forecast(before, new Closures(false, Map.of()), monday, 7);
            for (Forecaster.DayForecast day : forecast.days()) {
                if (day.counts() == null || !series.dates().contains(day.date())) {
                    continue;
                }
                days++;
                double[] actual = series.day(day.date());
                for (int slot = 0; slot < actual.length; slot++) {
                    if (Double.isNaN(actual[slot])) {
                        continue;
                    }
                    PredictionIntervals.Band band = day.band();
                    assertThat(band.low95()[slot]).as("band of %s slot %d", day.date(), slot).isNotNaN();
                    intervals++;
                    if (actual[slot] >= band.low80()[slot] && actual[slot] <= band.high80()[slot]) {
                        inside80++;
                    }
                    if (actual[slot] >= band.low95()[slot] && actual[slot] <= band.high95()[slot]) {
                        inside95++;
                    }
                }
            }
        }
        return new Coverage(intervals, inside80, inside95, days);
    }

    @Test
    void the95PercentBandCoversAbout95PercentOfHeldOutFiveMinuteCounts() {
        Coverage coverage = heldOut(bank, 5);
        System.out.printf("5-minute intervals: 80 %% band covers %.1f %%, 95 %% band %.1f %% of %d actuals on %d days%n",
                100 * coverage.of80(), 100 * coverage.of95(), coverage.intervals(), coverage.days());
        assertThat(coverage.days()).isEqualTo(38);
        assertThat(coverage.of95()).isBetween(0.90, 0.98);
        assertThat(coverage.of80()).isBetween(0.72, 0.88);
    }

    @Test
    void theBandsHoldInQuarterHoursToo() {
        Coverage coverage = heldOut(bank, 15);
        System.out.printf("15-minute intervals: 80 %% band covers %.1f %%, 95 %% band %.1f %% of %d actuals on %d days%n",
                100 * coverage.of80(), 100 * coverage.of95(), coverage.intervals(), coverage.days());
        assertThat(coverage.of95()).isBetween(0.90, 0.98);
        assertThat(coverage.of80()).isBetween(0.72, 0.88);
    }
}
