package nl.buitenin.demand.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The staffing and forecast commands, run in-process as a planner would type them. */
class CliCommandsTest {

    record Run(int exit, String out, String err) {
    }

    static Run run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = new CommandLine(command);
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        int exit = line.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void staffingPrintsThePyworkforceExampleAsJson() {
        Run run = run(new StaffingCommand(), "--calls", "100", "--interval", "30m", "--aht", "180", "--target", "80/20s",
                "--shrinkage", "30%", "--json");
        assertThat(run.exit()).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(run.out());
        assertThat(json.get("agents").asInt()).isEqualTo(14);
        assertThat(json.get("scheduled").asInt()).isEqualTo(20);
        assertThat(json.get("waitProbability").asDouble()).isCloseTo(0.1741, within(0.00005));
        assertThat(json.get("serviceLevel").asDouble()).isCloseTo(0.8883, within(0.0001));
        assertThat(json.get("occupancy").asDouble()).isCloseTo(0.7143, within(0.00005));
        assertThat(json.get("asa").asDouble()).isCloseTo(7.836, within(0.001));
        assertThat(json.get("abandonProbability").isNull()).isTrue();
    }

    @Test
    void staffingWithPatienceReportsAbandonment() {
        Run run = run(new StaffingCommand(), "--calls", "100", "--interval", "30m", "--aht", "3m", "--patience", "60s", "--agents", "11",
                "--json");
        assertThat(run.exit()).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(run.out());
        assertThat(json.get("agents").asInt()).isEqualTo(11);
        assertThat(json.get("abandonProbability").asDouble()).isBetween(0.05, 0.2);
    }

    @Test
    void staffingAsTextAndBadUsage() {
        Run text = run(new StaffingCommand(), "--calls", "100", "--interval", "30", "--aht", "180");
        assertThat(text.out()).contains("Agents needed            14").contains("Probability of waiting   17.41 %");
        Run bad = run(new StaffingCommand(), "--calls", "100", "--aht", "180", "--target", "eighty");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("target");
    }

    @Test
    void staffingAFileOfIntervals(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("plan.csv");
        Files.writeString(csv, "date,interval_start,calls\n2026-06-01,09:00,50\n2026-06-01,09:30,100\n2026-06-01,10:00,x\n");
        Run run = run(new StaffingCommand(), csv.toString(), "--interval", "30m", "--aht", "180");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out().lines()).hasSize(3);
        assertThat(run.out().lines().toList().get(2)).startsWith("2026-06-01,09:30,100,180,10.0000,14,14,");
        assertThat(run.err()).contains("line 4");
    }

    @Test
    void forecastBacktestOnTheBankData() throws Exception {
        Path bank = Path.of("src/main/resources/demo/calls-bank-2003/calls_5min.csv");
        Run run = run(new ForecastCommand(), bank.toString(), "--backtest", "--calendar", "none", "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(run.out());
        assertThat(json.get("chosen").asString()).startsWith("interval-profile");
        assertThat(json.get("improvement").get("percent").asDouble()).isGreaterThan(5);
        Run text = run(new ForecastCommand(), bank.toString(), "--backtest", "--calendar", "none", "--no-progress");
        assertThat(text.out()).contains("weekday-average-4").contains("baseline").contains("chosen").contains("MAE");
    }

    @Test
    void theBankForecastCarriesItsPredictionIntervalsInCsvAndJson() throws Exception {
        Path bank = Path.of("src/main/resources/demo/calls-bank-2003/calls_5min.csv");
        Run run = run(new ForecastCommand(), bank.toString(), "--calendar", "none", "--days", "7", "--interval", "15m", "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        // The data ends on Friday 24 October 2003; the Saturday and Sunday after are not open.
        JsonNode monday = JsonMapper.builder().build().readTree(run.out()).get("days").get(2);
        assertThat(monday.get("date").asString()).isEqualTo("2003-10-27");
        JsonNode noon = monday.get("intervals").get("12:00");
        double forecast = noon.get("forecast").asDouble();
        assertThat(noon.get("low95").asDouble()).isLessThan(noon.get("low80").asDouble());
        assertThat(noon.get("low80").asDouble()).isLessThan(forecast);
        assertThat(noon.get("high80").asDouble()).isGreaterThan(forecast);
        assertThat(noon.get("high95").asDouble()).isGreaterThan(noon.get("high80").asDouble());
        Run text = run(new ForecastCommand(), bank.toString(), "--calendar", "none", "--days", "7", "--interval", "15m", "--no-progress");
        assertThat(text.out()).startsWith("date,interval_start,forecast,low80,high80,low95,high95,method\n")
                .containsPattern("2003-10-27,12:00,[0-9.]+,[0-9.]+,[0-9.]+,[0-9.]+,[0-9.]+,interval-profile");
    }

    @Test
    void forecastOfTheNextDays(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("date,interval_start,offered\n");
        for (java.time.LocalDate d = java.time.LocalDate.of(2026, 3, 2); d.isBefore(java.time.LocalDate.of(2026, 4, 11)); d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= 5) {
                csv.append(d).append(",09:00,8\n").append(d).append(",09:15,12\n");
            }
        }
        Path file = dir.resolve("v.csv");
        Files.writeString(file, csv);
        Run run = run(new ForecastCommand(), file.toString(), "--days", "7", "--no-progress");
        assertThat(run.exit()).as(run.err()).isZero();
        // 2026-04-13 is a Monday; Tweede Paasdag (6 April) was left out of the history.
        assertThat(run.out()).contains("2026-04-13,09:00,8.0,").contains("2026-04-13,09:15,12.0,").doesNotContain("2026-04-11");
        Path broken = dir.resolve("broken.csv");
        Files.writeString(broken, "date,interval_start,offered\n2026-03-02,09:00,-3\n");
        Run bad = run(new ForecastCommand(), broken.toString(), "--no-progress");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("line 2").contains("offered");
    }
}
