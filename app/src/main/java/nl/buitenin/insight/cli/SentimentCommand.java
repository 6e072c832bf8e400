package nl.buitenin.insight.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

import nl.buitenin.insight.text.Language;
import nl.buitenin.insight.text.Sentiment;
import nl.buitenin.insight.text.TextAnalyzer;
import nl.buitenin.platform.CsvInput;
import nl.buitenin.platform.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code buitenin sentiment FILE [--column text] [--lang nl|en|auto]}: the sentiment of each text of a CSV file,
 * with the same analyzer as the server. The file is read whole first, so a broken line stops the tool before it
 * prints anything.
 */
@Command(name = "sentiment", mixinStandardHelpOptions = true,
        description = {"Score the sentiment of a column of Dutch or English texts in a CSV file (UTF-8, with a header).",
                "Prints the input columns plus 'sentiment' (-1..1, three decimals) and 'label' (negative, neutral, positive) "
                        + "as CSV on standard output.",
                "Exit code 0 when scored, 2 on bad usage or a file that cannot be read (the line is named)."})
public class SentimentCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "CSV file with a header line")
    Path file;

    @Option(names = "--column", defaultValue = "text", description = "header of the column with the texts (default: ${DEFAULT-VALUE})")
    String column;

    @Option(names = "--lang", defaultValue = "auto", description = "nl, en or auto: the language of each text is guessed "
            + "(default: ${DEFAULT-VALUE})")
    String lang;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        @Nullable Language language = null;
        if (!lang.equalsIgnoreCase("auto")) {
            language = Language.of(lang).orElse(null);
            if (language == null) {
                err.println("--lang must be nl, en or auto, not '" + lang + "'");
                return 2;
            }
        }
        List<CsvInput.Line> lines;
        try (Reader reader = CsvInput.utf8(Files.newInputStream(file))) {
            lines = CsvInput.readAll(reader);
        } catch (InvalidInputException e) {
            err.println(file + ": " + e.getMessage());
            return 2;
        } catch (IOException | UncheckedIOException e) {
            err.println(file + ": cannot read: " + e.getMessage());
            return 2;
        }
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            err.println(file + ": line 1: no header line");
            return 2;
        }
        CsvInput.Header header;
        try {
            header = CsvInput.Header.of(lines.get(0), false);
        } catch (InvalidInputException e) {
            err.println(file + ": " + e.getMessage());
            return 2;
        }
        int index = header.indexOf(column).orElse(-1);
        if (index < 0) {
            err.println(file + ": line " + header.line() + ": no column '" + column + "' in the header " + header.names());
            return 2;
        }
        for (CsvInput.Line line : lines.subList(1, lines.size())) {
            if (!line.isBlank() && line.values().size() != header.names().size()) {
                err.println(file + ": " + line.place() + ": " + line.values().size() + " fields where the header has "
                        + header.names().size());
                return 2;
            }
        }
        TextAnalyzer analyzer = TextAnalyzer.standard();
        List<String> names = new ArrayList<>(header.names());
        names.add("sentiment");
        names.add("label");
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord(names);
            for (CsvInput.Line line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                Sentiment sentiment = analyzer.analyze(line.values().get(index), language).sentiment();
                List<String> values = new ArrayList<>(line.values());
                values.add(String.format(Locale.ROOT, "%.3f", sentiment.score()));
                values.add(sentiment.label().code());
                printer.printRecord(values);
            }
            printer.flush();
        } catch (IOException e) {
            err.println("cannot write: " + e.getMessage());
            return 2;
        }
        out.flush();
        return 0;
    }
}
