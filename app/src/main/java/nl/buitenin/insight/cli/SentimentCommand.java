package nl.buitenin.insight.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;

import nl.buitenin.insight.text.Language;
import nl.buitenin.insight.text.Sentiment;
import nl.buitenin.insight.text.TextAnalyzer;
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
        final @Nullable Language chosen = language;
        return CsvTable.exitCode(out, err, () -> {
            CsvTable input = CsvTable.read(file);
            int index = input.column(file, column);
            TextAnalyzer analyzer = TextAnalyzer.standard();
            input.printWith(out, List.of("sentiment", "label"), r -> {
                Sentiment sentiment = analyzer.analyze(input.rows().get(r).values().get(index), chosen).sentiment();
                return List.of(String.format(Locale.ROOT, "%.3f", sentiment.score()), sentiment.label().code());
            });
        });
    }
}
