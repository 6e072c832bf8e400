package nl.buitenin.insight.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

import nl.buitenin.insight.readings.KeyDrivers;
import nl.buitenin.platform.CsvInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code buitenin drivers FILE --outcome COLUMN}: the relative importance of each driver for the outcome, with the same
 * code as the server ({@link KeyDrivers}: LMG shares of R² with bootstrap intervals). The file is read whole first, so
 * a broken line stops the tool before it prints anything.
 */
@Command(name = "drivers", mixinStandardHelpOptions = true,
        description = {"Key drivers of an overall score from a CSV file (UTF-8, with a header), one row per respondent: "
                + "the outcome column and numeric driver columns (by default every other column; empty cells allowed).",
                "Prints 'driver,importance,low,high,mean', most important first: each driver's share of the explained "
                        + "variance R² (LMG: its R² gain averaged over all orders of entry; the shares add up to 1), the 95%% "
                        + "percentile bootstrap interval, and the driver's mean (its current performance).",
                "Rows with an empty cell in the outcome or a driver are left out; the rows used and R² are written to "
                        + "standard error.",
                "Exit code 0 when computed, 2 on bad usage or a file that cannot be read (the line is named)."})
public class DriversCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "CSV file with a header line")
    Path file;

    @Option(names = "--outcome", required = true, description = "header of the overall score's column")
    String outcome;

    @Option(names = "--drivers", split = ",", description = "headers of the driver columns, comma-separated "
            + "(default: every column but the outcome)")
    @Nullable List<String> drivers;

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

    /** One driver as printed. */
    record Row(String driver, double importance, double low, double high, double mean) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (resamples < 0) {
            err.println("--bootstrap must be 0 or more, not " + resamples);
            return 2;
        }
        return CsvTable.exitCode(out, err, () -> {
            CsvTable input = CsvTable.read(file);
            int outcomeColumn = input.column(file, outcome);
            List<String> names = drivers != null ? drivers.stream().map(String::strip).toList()
                    : input.header().names().stream().filter(name -> !name.equals(outcome)).toList();
            if (names.isEmpty()) {
                throw new CsvTable.Unreadable(file + ": no driver columns besides '" + outcome + "'");
            }
            if (names.size() > KeyDrivers.MAX_DRIVERS) {
                throw new CsvTable.Unreadable(file + ": at most " + KeyDrivers.MAX_DRIVERS + " drivers, got " + names.size()
                        + " (choose them with --drivers)");
            }
            List<Integer> columns = new ArrayList<>();
            for (String name : names) {
                if (name.equals(outcome)) {
                    throw new CsvTable.Unreadable(file + ": '" + outcome + "' is the outcome, not a driver");
                }
                columns.add(input.column(file, name));
            }
            List<double[]> rows = new ArrayList<>();
            for (CsvInput.Line line : input.rows()) {
                double[] row = new double[names.size() + 1];
                boolean complete = true;
                for (int c = 0; c <= names.size(); c++) {
                    int index = c == 0 ? outcomeColumn : columns.get(c - 1);
                    String cell = line.values().get(index).strip();
                    if (cell.isEmpty()) {
                        complete = false;
                        continue;
                    }
                    row[c] = number(line, c == 0 ? outcome : names.get(c - 1), cell);
                }
                if (complete) {
                    rows.add(row);
                }
            }
            double[] y = rows.stream().mapToDouble(row -> row[0]).toArray();
            List<double[]> x = new ArrayList<>();
            for (int j = 1; j <= names.size(); j++) {
                int column = j;
                x.add(rows.stream().mapToDouble(row -> row[column]).toArray());
            }
            KeyDrivers.Result result;
            try {
                result = KeyDrivers.decompose(y, x, names, resamples, seed);
            } catch (IllegalArgumentException e) {
                throw new CsvTable.Unreadable(file + ": " + e.getMessage());
            }
            List<Row> printed = result.drivers().stream()
                    .sorted(Comparator.comparingDouble(KeyDrivers.Driver::importance).reversed())
                    .map(d -> new Row(d.name(), Numbers.round(d.importance(), 4), Numbers.round(d.lower(), 4), Numbers.round(d.upper(), 4), Numbers.round(d.mean(), 4)))
                    .toList();
            err.printf("%d of %d rows complete and used; R² = %s%n", result.n(), input.rows().size(), Numbers.plain(Numbers.round(result.rSquared(), 4)));
            err.flush();
            print(out, printed);
        });
    }

    private double number(CsvInput.Line line, String column, String cell) throws CsvTable.Unreadable {
        try {
            double value = Double.parseDouble(cell);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CsvTable.Unreadable(file + ": " + line.place() + ": '" + column + "' is not a number: '" + cell + "'"
                + (drivers == null ? " (choose the driver columns with --drivers)" : ""));
    }

    private void print(PrintWriter out, List<Row> rows) throws IOException {
        if (json) {
            out.println(JsonMapper.builder().build().writeValueAsString(rows));
            return;
        }
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT);
        printer.printRecord("driver", "importance", "low", "high", "mean");
        for (Row row : rows) {
            printer.printRecord(row.driver(), Numbers.plain(row.importance()), Numbers.plain(row.low()), Numbers.plain(row.high()), Numbers.plain(row.mean()));
        }
        printer.flush();
    }
}
