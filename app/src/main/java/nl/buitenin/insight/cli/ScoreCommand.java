package nl.buitenin.insight.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import nl.buitenin.insight.Estimate;
import nl.buitenin.insight.Histogram;
import nl.buitenin.insight.ScoreScale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code buitenin score FILE.csv --type nps}: the score of a column of answers with n and its 95 %
 * interval, the same way the journey map computes it. Empty cells are skipped (no answer); a value
 * that is not on the scale stops the tool with the line it is on.
 */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = {"Score a column of answers from a CSV file: n, the score and its 95%% confidence interval.",
                "NPS (0-10) with the adjusted-Wald interval, CSAT (1-5) as top-2-box share with the Wilson interval, "
                        + "CES (1-7) as mean with the t interval.",
                "A first line whose value is not a number is read as the header. Empty cells count as no answer.",
                "Exit code 0 when scored, 2 on bad usage or a value that is not on the scale."})
public class ScoreCommand implements Callable<Integer> {

    enum Type { nps, csat, ces }

    @Parameters(index = "0", paramLabel = "FILE.csv", description = "CSV file with a column of scores")
    Path file;

    @Option(names = "--type", required = true, description = "nps, csat or ces")
    Type type;

    @Option(names = "--column", description = "header of the column to score (default: the first column)")
    String column;

    @Option(names = "--json", description = "print the result as JSON")
    boolean json;

    @Spec
    CommandSpec spec;

    /** The result as printed with --json; score and bounds are null when there are too few answers. */
    record Result(String type, long n, Double score, Double lower, Double upper, boolean smallSample, String interval,
            long skipped) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ScoreScale scale = switch (type) {
            case nps -> ScoreScale.NPS;
            case csat -> ScoreScale.CSAT;
            case ces -> ScoreScale.CES;
        };
        Tally tally;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            tally = read(reader, scale);
        } catch (BadValue e) {
            err.println(file + ": " + e.getMessage());
            return 2;
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println(file + ": cannot read: " + e.getMessage());
            return 2;
        }
        Result result = result(tally);
        if (json) {
            out.println(JsonMapper.builder().build().writeValueAsString(result));
        } else {
            out.println(text(result));
        }
        out.flush();
        return 0;
    }

    private Result result(Tally tally) {
        Estimate estimate = tally.histogram().score().orElse(null);
        String interval = switch (type) {
            case nps -> "adjusted-wald";
            case csat -> "wilson";
            case ces -> "t";
        };
        long n = tally.histogram().n();
        return new Result(type.name(), n, estimate == null ? null : round(estimate.value()),
                estimate == null ? null : round(estimate.lower()), estimate == null ? null : round(estimate.upper()),
                n < Estimate.SMALL_SAMPLE, interval, tally.skipped());
    }

    private String text(Result r) {
        String what = switch (type) {
            case nps -> "NPS (points)";
            case csat -> "CSAT top-2-box (%)";
            case ces -> "CES (mean, 1-7)";
        };
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%s%nn = %d", what, r.n()));
        if (r.score() == null) {
            text.append(String.format(Locale.ROOT, "%nscore: too few answers for an estimate"));
        } else {
            text.append(String.format(Locale.ROOT, "%nscore = %.2f%n95%% interval = %.2f to %.2f (%s)", r.score(), r.lower(),
                    r.upper(), r.interval()));
        }
        if (r.smallSample()) {
            text.append(String.format(Locale.ROOT, "%nfewer than %d answers: an indication only", Estimate.SMALL_SAMPLE));
        }
        if (r.skipped() > 0) {
            text.append(String.format(Locale.ROOT, "%n%d empty cells skipped", r.skipped()));
        }
        return text.toString();
    }

    private record Tally(Histogram histogram, long skipped) {
    }

    private static final class BadValue extends RuntimeException {
        BadValue(String message) {
            super(message);
        }
    }

    private Tally read(Reader reader, ScoreScale scale) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreEmptyLines(false).get();
        try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw new BadValue("is empty");
            }
            CSVRecord first = records.next();
            int index = 0;
            boolean firstIsHeader;
            if (column != null) {
                List<String> header = first.toList();
                index = header.indexOf(column);
                if (index < 0) {
                    throw new BadValue("line 1: no column '" + column + "' in the header " + header);
                }
                firstIsHeader = true;
            } else {
                firstIsHeader = !first.get(0).isBlank() && !first.get(0).matches("-?\\d+");
            }
            long[] counts = new long[scale.size()];
            long skipped = 0;
            if (!firstIsHeader) {
                skipped += count(first, index, scale, counts);
            }
            while (records.hasNext()) {
                skipped += count(records.next(), index, scale, counts);
            }
            return new Tally(new Histogram(scale, counts), skipped);
        }
    }

    /** Counts the cell of one record; returns 1 when it is empty (no answer). Lines are counted from 1. */
    private static int count(CSVRecord record, int index, ScoreScale scale, long[] counts) {
        long line = record.getRecordNumber();
        String cell = index < record.size() ? record.get(index) : "";
        if (cell.isBlank()) {
            return 1;
        }
        int value;
        try {
            value = Integer.parseInt(cell);
        } catch (NumberFormatException e) {
            throw new BadValue("line " + line + ": '" + cell + "' is not a whole number from " + scale.min() + " to " + scale.max());
        }
        if (!scale.accepts(value)) {
            throw new BadValue("line " + line + ": " + value + " is not on the " + scale.name() + " scale (" + scale.min()
                    + " to " + scale.max() + ")");
        }
        counts[value - scale.min()]++;
        return 0;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
