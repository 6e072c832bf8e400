package nl.buitenin.demand.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import nl.buitenin.demand.internal.erlang.Performance;
import nl.buitenin.demand.internal.erlang.ServiceTarget;
import nl.buitenin.demand.internal.erlang.Staffed;
import nl.buitenin.demand.internal.erlang.Staffing;
import nl.buitenin.demand.internal.erlang.StaffingGoal;
import nl.buitenin.demand.internal.erlang.Workload;
import nl.buitenin.platform.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code buitenin staffing}: the fewest agents for one interval (Erlang C, or Erlang A with
 * {@code --patience}), what a given number of agents achieves ({@code --agents}), or a plan for every
 * interval of a CSV file.
 */
@Command(name = "staffing", mixinStandardHelpOptions = true,
        description = {"Agents needed for a service-level target (Erlang C; Erlang A with --patience).",
                "One interval: --calls 100 --interval 30m --aht 180 --target 80/20s",
                "A file: staffing volumes.csv (columns interval_start [and date], calls or offered, optional aht_seconds)."})
public final class StaffingCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "CSV", description = "A CSV of intervals to staff, one row per interval.")
    Path csv;

    @Option(names = "--calls", description = "Contacts arriving in the interval.")
    Double calls;

    @Option(names = "--interval", defaultValue = "15m", description = "Length of the interval: 15m, 30m, 1h (default ${DEFAULT-VALUE}).")
    String interval;

    @Option(names = "--aht", description = "Average handle time: 180 (seconds), 180s or 3m. For a CSV, the default for rows without aht_seconds.")
    String aht;

    @Option(names = "--target", defaultValue = "80/20s", description = "Share answered within a time, such as 80/20s (default ${DEFAULT-VALUE}).")
    String target;

    @Option(names = "--patience", description = "Average patience of callers (Erlang A): 60s, 2m. Without it nobody hangs up (Erlang C).")
    String patience;

    @Option(names = "--max-asa", description = "Longest acceptable average speed of answer, such as 30s.")
    String maxAsa;

    @Option(names = "--max-occupancy", defaultValue = "100%", description = "Highest acceptable occupancy, such as 85%% (default ${DEFAULT-VALUE}).")
    String maxOccupancy;

    @Option(names = "--shrinkage", defaultValue = "0%", description = "Share of paid time not on the phones, such as 30%% (default ${DEFAULT-VALUE}).")
    String shrinkage;

    @Option(names = "--agents", description = "Evaluate this number of agents instead of finding the fewest.")
    Integer agents;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            StaffingGoal goal = goal();
            double intervalSeconds = Durations.seconds("interval", interval, 60);
            if (csv != null) {
                return staffFile(goal, intervalSeconds, out, err);
            }
            if (calls == null || aht == null) {
                throw new InvalidInputException("calls", "give --calls and --aht for one interval, or a CSV file");
            }
            Workload workload = new Workload(calls, intervalSeconds, Durations.seconds("aht", aht, 1));
            Performance performance;
            Integer scheduled = null;
            if (agents != null) {
                performance = Staffing.evaluate(workload, agents, goal);
            } else {
                Staffed staffed = Staffing.required(workload, goal);
                performance = staffed.performance();
                scheduled = staffed.scheduled();
            }
            if (json) {
                out.println(Json.staffing(performance, scheduled, goal, workload));
            } else {
                printText(out, workload, goal, performance, scheduled);
            }
            out.flush();
            return 0;
        } catch (InvalidInputException e) {
            err.println("staffing: " + e.getMessage());
            err.flush();
            return 2;
        } catch (IOException e) {
            err.println("staffing: cannot read " + csv + ": " + e.getMessage());
            err.flush();
            return 2;
        }
    }

    private StaffingGoal goal() {
        Double asaLimit = maxAsa == null ? null : Durations.seconds("max-asa", maxAsa, 1);
        Double patienceSeconds = patience == null ? null : Durations.seconds("patience", patience, 1);
        return new StaffingGoal(ServiceTarget.parse(target), asaLimit, Durations.share("max-occupancy", maxOccupancy),
                Durations.share("shrinkage", shrinkage), patienceSeconds);
    }

    private void printText(PrintWriter out, Workload workload, StaffingGoal goal, Performance p, Integer scheduled) {
        out.printf(Locale.ROOT, "%s: %s contacts in %s min, AHT %s s = %.2f Erlang%n",
                goal.patienceSeconds() == null ? "Erlang C" : "Erlang A (patience " + number(goal.patienceSeconds()) + " s)",
                number(workload.calls()), number(workload.intervalSeconds() / 60), number(workload.ahtSeconds()), workload.erlangs());
        out.printf(Locale.ROOT, "%-24s %d%n", agents == null ? "Agents needed" : "Agents", p.agents());
        if (scheduled != null) {
            out.printf(Locale.ROOT, "%-24s %d (shrinkage %.0f %%)%n", "Agents to schedule", scheduled, goal.shrinkage() * 100);
        }
        out.printf(Locale.ROOT, "%-24s %.1f %% within %s s (target %.1f %%)%n", "Service level", p.serviceLevel() * 100,
                number(goal.target().seconds()), goal.target().share() * 100);
        out.printf(Locale.ROOT, "%-24s %s s%n", "Average speed of answer", Double.isInfinite(p.asaSeconds()) ? "unbounded" : String.format(Locale.ROOT, "%.1f", p.asaSeconds()));
        out.printf(Locale.ROOT, "%-24s %.1f %%%n", "Occupancy", p.occupancy() * 100);
        out.printf(Locale.ROOT, "%-24s %.2f %%%n", "Probability of waiting", p.waitProbability() * 100);
        if (p.modelsPatience()) {
            out.printf(Locale.ROOT, "%-24s %.2f %%%n", "Abandoned", p.abandonProbability() * 100);
        }
    }

    private int staffFile(StaffingGoal goal, double intervalSeconds, PrintWriter out, PrintWriter err) throws IOException {
        Double defaultAht = aht == null ? null : Durations.seconds("aht", aht, 1);
        int rejected = 0;
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(reader, CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                        .setTrim(true).setIgnoreHeaderCase(true).get());
                CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            boolean hasDate = parser.getHeaderMap().keySet().stream().anyMatch("date"::equalsIgnoreCase);
            String countColumn = parser.getHeaderMap().keySet().stream().anyMatch("offered"::equalsIgnoreCase) ? "offered" : "calls";
            boolean hasAht = parser.getHeaderMap().keySet().stream().anyMatch("aht_seconds"::equalsIgnoreCase);
            List<Object> header = new ArrayList<>(hasDate ? List.of("date") : List.of());
            header.addAll(List.of("interval_start", "calls", "aht_seconds", "erlangs", "agents", "scheduled", "service_level",
                    "asa_seconds", "occupancy", "wait_probability", "abandon_probability"));
            printer.printRecord(header);
            for (CSVRecord record : parser) {
                try {
                    double rowAht = hasAht && !record.get("aht_seconds").isBlank() ? Double.parseDouble(record.get("aht_seconds"))
                            : requireAht(defaultAht);
                    Workload workload = new Workload(Double.parseDouble(record.get(countColumn)), intervalSeconds, rowAht);
                    Staffed staffed = agents == null ? Staffing.required(workload, goal)
                            : new Staffed(agents, goal.scheduled(agents), Staffing.evaluate(workload, agents, goal));
                    Performance p = staffed.performance();
                    List<Object> row = new ArrayList<>(hasDate ? List.of(record.get("date")) : List.of());
                    row.addAll(List.of(record.get("interval_start"), number(workload.calls()), number(rowAht),
                            fixed(workload.erlangs()), p.agents(), staffed.scheduled(), fixed(p.serviceLevel()),
                            Double.isInfinite(p.asaSeconds()) ? "" : fixed(p.asaSeconds()), fixed(p.occupancy()),
                            fixed(p.waitProbability()), p.modelsPatience() ? fixed(p.abandonProbability()) : ""));
                    printer.printRecord(row);
                } catch (InvalidInputException | IllegalStateException | IllegalArgumentException e) {
                    rejected++;
                    err.println("line " + parser.getCurrentLineNumber() + ": " + e.getMessage());
                }
            }
        }
        out.flush();
        err.flush();
        return rejected == 0 ? 0 : 1;
    }

    private static double requireAht(Double defaultAht) {
        if (defaultAht == null) {
            throw new InvalidInputException("aht", "the row has no aht_seconds and no --aht was given");
        }
        return defaultAht;
    }

    static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }

    /**
     * Four decimals, exactly as {@code String.format(Locale.ROOT, "%.4f", value)} writes them (half up on the
     * shortest decimal that reads back as the value), without its cost: that call parses its pattern and
     * looks up the locale's symbols each time, and six per row were most of the time to staff a year of
     * intervals. The formatter writes at least two significant digits before rounding and a plain
     * {@link Double#toString} may write one, so values of one significant digit, and those that
     * {@code Double.toString} writes with an exponent, go the slow way.
     */
    static String fixed(double value) {
        if (value >= 1e-3 && value < 1e7) {
            BigDecimal shortest = BigDecimal.valueOf(value);
            if (shortest.stripTrailingZeros().precision() > 1) {
                return shortest.setScale(4, RoundingMode.HALF_UP).toPlainString();
            }
        }
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
