package nl.buitenin.insight.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import nl.buitenin.insight.readings.ScaleCalibration;
import nl.buitenin.platform.CsvInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code buitenin calibrate FILE [--scale 0-10]}: each target's mean score raw and calibrated for the respondents' own
 * use of the scale, with the same code as the server ({@link ScaleCalibration}). Targets are printed in the order they
 * first appear in the file. The file is read whole first, so a broken line stops the tool before it prints anything.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {"Scores adjusted for harsh and lenient raters, from a CSV file (UTF-8, with a header): columns "
                + "'person', 'score' and 'target' (a touchpoint, team or period); an empty person is an anonymous answer.",
                "Each person's offset (how far above or below others they score the same targets) is estimated from "
                        + "their history and shrunk towards 0 the fewer answers they gave; a person with one answer keeps "
                        + "the population scale. The calibrated score is the score less the offset.",
                "Prints 'target,n,raw_mean,calibrated_mean,low,high' per target: the number of answers, the raw and "
                        + "calibrated mean and the 95%% percentile bootstrap interval of the calibrated mean (persons "
                        + "resampled with all their answers, the model fitted again each time).",
                "Exit code 0 when computed, 2 on bad usage or a file that cannot be read (the line is named)."})
public class CalibrateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "CSV file with a header line")
    Path file;

    @Option(names = "--scale", defaultValue = "0-10", description = "0-10, 1-5 or 1-7 (default: ${DEFAULT-VALUE})")
    String scale;

    @Option(names = "--bootstrap", defaultValue = "1000", description = "bootstrap resamples for the intervals "
            + "(default: ${DEFAULT-VALUE})")
    int resamples;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the bootstrap, for repeatable intervals "
            + "(default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--json", description = "print the result as JSON")
    boolean json;

    @Spec
    CommandSpec spec;

    /** One target as printed. */
    record Row(String target, int n, double rawMean, double calibratedMean, double low, double high) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int[] range = CsvTable.scaleRange(scale);
        if (range == null) {
            err.println("--scale must be 0-10, 1-5 or 1-7, not '" + scale + "'");
            return 2;
        }
        if (resamples < 0) {
            err.println("--bootstrap must be 0 or more, not " + resamples);
            return 2;
        }
        return CsvTable.exitCode(out, err, () -> {
            CsvTable input = CsvTable.read(file);
            int person = input.column(file, "person");
            int score = input.column(file, "score");
            int target = input.column(file, "target");
            List<ScaleCalibration.Answer> answers = new ArrayList<>();
            for (CsvInput.Line line : input.rows()) {
                String value = line.values().get(score).strip();
                if (value.isEmpty()) {
                    continue;
                }
                String about = line.values().get(target).strip();
                if (about.isEmpty()) {
                    throw new CsvTable.Unreadable(file + ": " + line.place() + ": 'target' is empty: every score needs "
                            + "the target it is about");
                }
                String who = line.values().get(person).strip();
                answers.add(new ScaleCalibration.Answer(who.isEmpty() ? null : who, about, CsvTable.score(file, line, value, range)));
            }
            if (answers.isEmpty()) {
                throw new CsvTable.Unreadable(file + ": no scores to calibrate");
            }
            ScaleCalibration.Result result = ScaleCalibration.calibrate(answers, resamples, seed);
            print(out, result.targets().stream().map(CalibrateCommand::row).toList());
        });
    }

    private void print(PrintWriter out, List<Row> rows) throws IOException {
        if (json) {
            out.println(JsonMapper.builder().build().writeValueAsString(rows));
            return;
        }
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT);
        printer.printRecord("target", "n", "raw_mean", "calibrated_mean", "low", "high");
        for (Row row : rows) {
            printer.printRecord(row.target(), row.n(), Numbers.plain(row.rawMean()), Numbers.plain(row.calibratedMean()),
                    Numbers.plain(row.low()), Numbers.plain(row.high()));
        }
        printer.flush();
    }

    private static Row row(ScaleCalibration.Target target) {
        return new Row(target.target(), target.n(), Numbers.round(target.rawMean(), 4),
                Numbers.round(target.calibratedMean(), 4), Numbers.round(target.low(), 4), Numbers.round(target.high(), 4));
    }

}
