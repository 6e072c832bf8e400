package nl.buitenin.insight.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

import nl.buitenin.insight.Estimate;
import nl.buitenin.insight.readings.Comparison;
import nl.buitenin.insight.readings.Comparisons;
import nl.buitenin.insight.readings.MinimumDetectable;
import nl.buitenin.insight.readings.NpsCounts;
import nl.buitenin.insight.readings.Sample;
import nl.buitenin.platform.CsvInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code buitenin compare FILE --type nps|csat|mean --group COLUMN}: two groups' scores with their difference, its
 * 95 % interval and p-value, with the same code as the server's pilots ({@link Comparisons}); {@code --plan N} prints
 * what a pilot with N answers per group can detect ({@link MinimumDetectable}). The file is read whole first, so a
 * broken line stops the tool before it prints anything.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare the scores of exactly two groups in a CSV file (UTF-8, with a header).",
                "Prints 'group,n,score,low,high' for each group (in the order they first appear), an empty line, then "
                        + "'difference,low,high,p_value' (first group minus second).",
                "nps: 0-10 answers, NPS in points, adjusted-Wald interval (Rocks 2016); csat: 1-5 answers, top-2-box "
                        + "share in %%, Newcombe's score interval and the two-proportion z-test; mean: any numbers, "
                        + "Welch's t interval and test.",
                "--plan N prints 'per_group,minimum_difference,unit,baseline_n,baseline_score,baseline_sd': the smallest "
                        + "difference N answers per group detect with 80%% power at 5%% significance (two-sided), "
                        + "planned from the spread of the file's scores.",
                "Empty score cells are skipped. Exit code 0 when compared, 2 on bad usage or a file that cannot be "
                        + "read (the line is named)."})
public class CompareCommand implements Callable<Integer> {

    enum Type { nps, csat, mean }

    @Parameters(index = "0", paramLabel = "FILE", description = "CSV file with a header line")
    Path file;

    @Option(names = "--type", required = true, description = "nps, csat or mean")
    Type type;

    @Option(names = "--group", description = "header of the column naming each row's group (needed unless --plan)")
    @Nullable String group;

    @Option(names = "--column", defaultValue = "score", description = "header of the column with the scores "
            + "(default: ${DEFAULT-VALUE})")
    String column;

    @Option(names = "--plan", paramLabel = "N", description = "print the minimum detectable difference for N answers "
            + "per group instead of comparing")
    @Nullable Integer plan;

    @Option(names = "--json", description = "print the result as JSON")
    boolean json;

    @Spec
    CommandSpec spec;

    /** One group's score as printed. */
    record GroupResult(String group, long n, double score, double low, double high) {
    }

    /** The difference as printed. */
    record DifferenceResult(double difference, double low, double high, double pValue) {
    }

    /** Everything --json prints for a comparison. */
    record ComparisonResult(String type, List<GroupResult> groups, DifferenceResult difference) {
    }

    /** Everything --json prints for a plan. */
    record PlanResult(String type, int perGroup, double minimumDifference, String unit, long baselineN,
            double baselineScore, @Nullable Double baselineSd) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (plan == null && group == null) {
            err.println("--group is needed to compare (or give --plan N)");
            return 2;
        }
        if (plan != null && plan < 2) {
            err.println("--plan needs at least 2 answers per group, not " + plan);
            return 2;
        }
        return CsvTable.exitCode(out, err, () -> {
            CsvTable input = CsvTable.read(file);
            int scores = input.column(file, column);
            int groups = group == null ? -1 : input.column(file, group);
            Map<String, List<Double>> values = read(input, scores, groups);
            if (plan != null) {
                print(out, plan(values));
            } else {
                print(out, compare(values));
            }
        });
    }

    private Map<String, List<Double>> read(CsvTable input, int scores, int groups) throws CsvTable.Unreadable {
        Map<String, List<Double>> values = new LinkedHashMap<>();
        for (CsvInput.Line line : input.rows()) {
            String cell = line.values().get(scores).strip();
            if (cell.isEmpty()) {
                continue;
            }
            String name = groups < 0 ? "" : line.values().get(groups).strip();
            if (groups >= 0 && name.isEmpty()) {
                throw new CsvTable.Unreadable(file + ": " + line.place() + ": '" + group + "' is empty: every answer needs a group");
            }
            values.computeIfAbsent(name, g -> new ArrayList<>()).add(score(line, cell));
        }
        return values;
    }

    private double score(CsvInput.Line line, String cell) throws CsvTable.Unreadable {
        double value;
        try {
            value = Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw new CsvTable.Unreadable(file + ": " + line.place() + ": '" + column + "' is not a number: '" + cell + "'");
        }
        if (!Double.isFinite(value)) {
            throw new CsvTable.Unreadable(file + ": " + line.place() + ": '" + column + "' is not a number: '" + cell + "'");
        }
        boolean whole = value == Math.rint(value);
        switch (type) {
            case nps -> {
                if (!whole || value < 0 || value > 10) {
                    throw new CsvTable.Unreadable(file + ": " + line.place() + ": '" + cell + "' is not an NPS answer (a whole number 0 to 10)");
                }
            }
            case csat -> {
                if (!whole || value < 1 || value > 5) {
                    throw new CsvTable.Unreadable(file + ": " + line.place() + ": '" + cell + "' is not a CSAT answer (a whole number 1 to 5)");
                }
            }
            case mean -> {
                // any finite number
            }
        }
        return value;
    }

    private ComparisonResult compare(Map<String, List<Double>> values) throws CsvTable.Unreadable {
        if (values.size() != 2) {
            throw new CsvTable.Unreadable(file + ": '" + group + "' must name exactly two groups, found " + values.size()
                    + (values.isEmpty() ? "" : ": " + String.join(", ", values.keySet())));
        }
        List<String> names = List.copyOf(values.keySet());
        List<Double> first = values.get(names.get(0));
        List<Double> second = values.get(names.get(1));
        Comparison comparison;
        try {
            comparison = switch (type) {
                case nps -> Comparisons.nps(npsCounts(first), npsCounts(second));
                case csat -> Comparisons.shares(topTwo(first), first.size(), topTwo(second), second.size());
                case mean -> Comparisons.means(sample(first), sample(second));
            };
        } catch (IllegalArgumentException e) {
            throw new CsvTable.Unreadable(file + ": " + e.getMessage());
        }
        return new ComparisonResult(type.name(), List.of(groupResult(names.get(0), comparison.first()),
                groupResult(names.get(1), comparison.second())),
                new DifferenceResult(Numbers.round(comparison.difference().value(), 2), Numbers.round(comparison.difference().lower(), 2),
                        Numbers.round(comparison.difference().upper(), 2), Numbers.significant(comparison.difference().pValue())));
    }

    private PlanResult plan(Map<String, List<Double>> values) throws CsvTable.Unreadable {
        List<Double> all = values.values().stream().flatMap(List::stream).toList();
        if (all.size() < 2) {
            throw new CsvTable.Unreadable(file + ": a plan needs at least two scores in '" + column + "' to read their spread");
        }
        int n = plan;
        return switch (type) {
            case nps -> {
                NpsCounts counts = npsCounts(all);
                double p = counts.promoterShare();
                double d = counts.detractorShare();
                yield new PlanResult(type.name(), n, Numbers.round(MinimumDetectable.npsDifference(n, p, d), 2), "nps_points", all.size(),
                        Numbers.round(100 * (p - d), 2), Numbers.round(100 * Math.sqrt(p + d - (p - d) * (p - d)), 2));
            }
            case csat -> {
                double share = 100.0 * topTwo(all) / all.size();
                yield new PlanResult(type.name(), n, Numbers.round(MinimumDetectable.shareDifference(n, share), 2), "percentage_points",
                        all.size(), Numbers.round(share, 2), null);
            }
            case mean -> {
                Sample sample = sample(all);
                yield new PlanResult(type.name(), n, Numbers.round(MinimumDetectable.meanDifference(n, sample.standardDeviation()), 2),
                        "scale_units", all.size(), Numbers.round(sample.mean(), 2), Numbers.round(sample.standardDeviation(), 2));
            }
        };
    }

    private void print(PrintWriter out, ComparisonResult result) throws IOException {
        if (json) {
            out.println(JsonMapper.builder().build().writeValueAsString(result));
            return;
        }
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT);
        printer.printRecord("group", "n", "score", "low", "high");
        for (GroupResult g : result.groups()) {
            printer.printRecord(g.group(), g.n(), Numbers.plain(g.score()), Numbers.plain(g.low()), Numbers.plain(g.high()));
        }
        printer.println();
        printer.printRecord("difference", "low", "high", "p_value");
        DifferenceResult d = result.difference();
        printer.printRecord(Numbers.plain(d.difference()), Numbers.plain(d.low()), Numbers.plain(d.high()), Numbers.plain(d.pValue()));
        printer.flush();
    }

    private void print(PrintWriter out, PlanResult result) throws IOException {
        if (json) {
            out.println(JsonMapper.builder().build().writeValueAsString(result));
            return;
        }
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT);
        printer.printRecord("per_group", "minimum_difference", "unit", "baseline_n", "baseline_score", "baseline_sd");
        printer.printRecord(result.perGroup(), Numbers.plain(result.minimumDifference()), result.unit(), result.baselineN(),
                Numbers.plain(result.baselineScore()), result.baselineSd() == null ? "" : Numbers.plain(result.baselineSd()));
        printer.flush();
    }

    private static GroupResult groupResult(String name, Estimate estimate) {
        return new GroupResult(name, estimate.n(), Numbers.round(estimate.value(), 2), Numbers.round(estimate.lower(), 2), Numbers.round(estimate.upper(), 2));
    }

    private static NpsCounts npsCounts(List<Double> scores) {
        long promoters = scores.stream().filter(s -> s >= 9).count();
        long detractors = scores.stream().filter(s -> s <= 6).count();
        return new NpsCounts(promoters, scores.size() - promoters - detractors, detractors);
    }

    private static long topTwo(List<Double> scores) {
        return scores.stream().filter(s -> s >= 4).count();
    }

    private static Sample sample(List<Double> scores) {
        return Sample.of(scores.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
