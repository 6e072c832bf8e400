package nl.buitenin.insight.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import nl.buitenin.platform.CsvInput;
import nl.buitenin.platform.InvalidInputException;

/**
 * A CSV file with a header read whole by the shared strict reader, every line checked to have as many fields as
 * the header, so a tool stops on a broken line before it prints anything. A problem is an {@link Unreadable} whose
 * message names the file and the line.
 */
record CsvTable(CsvInput.Header header, List<CsvInput.Line> rows) {

    /** Why a file cannot be used; the message starts with the file and names the line where there is one. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }

    /** A batch command's work: it may find its input unusable or fail to write. */
    interface Work {
        void run() throws Unreadable, IOException;
    }

    /**
     * Runs a batch command's work with the exit codes they all share: 0 when done; 2 when the input cannot be used or
     * the output cannot be written, with the reason on standard error (an unusable input names its file and line).
     */
    static int exitCode(PrintWriter out, PrintWriter err, Work work) {
        try {
            work.run();
        } catch (Unreadable e) {
            err.println(e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("cannot write: " + e.getMessage());
            return 2;
        }
        out.flush();
        return 0;
    }

    /** The lowest and highest score of a scale given as {@code --scale} (0-10, 1-5 or 1-7); null for any other. */
    static int @org.jspecify.annotations.Nullable [] scaleRange(String scale) {
        return switch (scale) {
            case "0-10" -> new int[] {0, 10};
            case "1-5" -> new int[] {1, 5};
            case "1-7" -> new int[] {1, 7};
            default -> null;
        };
    }

    /** A score cell read as a whole number on the scale, or an error naming the file, line and value. */
    static int score(Object file, CsvInput.Line line, String value, int[] range) throws Unreadable {
        try {
            int score = Integer.parseInt(value);
            if (score >= range[0] && score <= range[1]) {
                return score;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new Unreadable(file + ": " + line.place() + ": 'score' must be a whole number from " + range[0]
                + " to " + range[1] + ", not '" + value + "'");
    }

    static CsvTable read(Path file) throws Unreadable {
        List<CsvInput.Line> lines;
        try (Reader reader = CsvInput.utf8(Files.newInputStream(file))) {
            lines = CsvInput.readAll(reader);
        } catch (InvalidInputException e) {
            throw new Unreadable(file + ": " + e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            throw new Unreadable(file + ": cannot read: " + e.getMessage());
        }
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            throw new Unreadable(file + ": line 1: no header line");
        }
        CsvInput.Header header;
        try {
            header = CsvInput.Header.of(lines.get(0), false);
        } catch (InvalidInputException e) {
            throw new Unreadable(file + ": " + e.getMessage());
        }
        List<CsvInput.Line> rows = lines.subList(1, lines.size()).stream().filter(line -> !line.isBlank()).toList();
        for (CsvInput.Line line : rows) {
            if (line.values().size() != header.names().size()) {
                throw new Unreadable(file + ": " + line.place() + ": " + line.values().size()
                        + " fields where the header has " + header.names().size());
            }
        }
        return new CsvTable(header, rows);
    }

    /** The position of a column, or an {@link Unreadable} naming the header line. */
    int column(Path file, String name) throws Unreadable {
        int index = header.indexOf(name).orElse(-1);
        if (index < 0) {
            throw new Unreadable(file + ": line " + header.line() + ": no column '" + name + "' in the header "
                    + header.names());
        }
        return index;
    }

    /**
     * Prints the table as CSV with more columns: the header plus {@code added}, and each row (by its position in
     * {@link #rows()}) plus the values {@code values} gives for it, as the batch commands print their results.
     */
    void printWith(PrintWriter out, List<String> added, IntFunction<List<String>> values) throws IOException {
        List<String> names = new ArrayList<>(header.names());
        names.addAll(added);
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT);
        printer.printRecord(names);
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = new ArrayList<>(rows.get(r).values());
            row.addAll(values.apply(r));
            printer.printRecord(row);
        }
        printer.flush();
    }
}
