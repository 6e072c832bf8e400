package nl.buitenin.insight.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

import nl.buitenin.insight.text.SuggestedTheme;
import nl.buitenin.insight.text.TextAnalyzer;
import nl.buitenin.insight.text.ThemeDiscovery;
import nl.buitenin.insight.text.ThemeModel;
import nl.buitenin.insight.text.ThemeSuggestion;
import nl.buitenin.insight.text.ThemeTaxonomy;
import nl.buitenin.platform.CsvInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code buitenin themes FILE --taxonomy TAXONOMY [--column text]}: the themes of each text of a CSV file, suggested
 * by a model built from the taxonomy's example phrases (the same model the server starts from);
 * {@code buitenin themes FILE --discover N}: N possible new themes found among the texts. Both files are read whole
 * first, so a broken line stops the tool before it prints anything.
 */
@Command(name = "themes", mixinStandardHelpOptions = true,
        description = {"Suggest themes for a column of Dutch or English texts in a CSV file (UTF-8, with a header), "
                + "or discover possible new themes among them.",
                "With --taxonomy: prints the input columns plus 'themes' (the suggested theme names, ';'-separated, "
                        + "empty when none) and 'confidence' (the confidence 0..1 of each of those themes, in the "
                        + "same order) as CSV on standard output. TAXONOMY is a CSV file with the columns 'theme' and "
                        + "'examples' (example phrases separated by ';'); other columns are allowed, and a column "
                        + "'theme_en' (the theme's English name) is used as one more example.",
                "With --discover N: prints up to N suggested new themes as CSV: rank, label phrases (';'-separated), "
                        + "size (number of texts) and three example texts.",
                "Exit code 0 when done, 2 on bad usage or a file that cannot be read (the line is named)."})
public class ThemesCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "CSV file with a header line")
    Path file;

    @Option(names = "--taxonomy", paramLabel = "TAXONOMY", description = "CSV file with the columns theme,examples")
    @Nullable Path taxonomy;

    @Option(names = "--discover", paramLabel = "N", description = "print N suggested new themes instead")
    @Nullable Integer discover;

    @Option(names = "--column", defaultValue = "text", description = "header of the column with the texts (default: ${DEFAULT-VALUE})")
    String column;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if ((taxonomy == null) == (discover == null)) {
            err.println("give either --taxonomy TAXONOMY or --discover N");
            return 2;
        }
        if (discover != null && discover < 1) {
            err.println("--discover must be at least 1, not " + discover);
            return 2;
        }
        return CsvTable.exitCode(out, err, () -> {
            CsvTable input = CsvTable.read(file);
            int index = input.column(file, column);
            if (taxonomy != null) {
                ThemeModel model = ThemeModel.train(taxonomy(taxonomy));
                suggest(input, index, model, out);
            } else {
                discover(input, index, discover, out);
            }
        });
    }

    /** The taxonomy file: one theme per line, a name not given twice; the line is named when one is wrong. */
    static ThemeTaxonomy taxonomy(Path path) throws CsvTable.Unreadable {
        CsvTable table = CsvTable.read(path);
        int theme = table.column(path, "theme");
        int examples = table.column(path, "examples");
        int english = table.header().indexOf("theme_en").orElse(-1);
        List<ThemeTaxonomy.Theme> themes = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (CsvInput.Line line : table.rows()) {
            String name = line.values().get(theme).strip();
            if (name.isEmpty()) {
                throw new CsvTable.Unreadable(path + ": " + line.place() + ": the theme has no name");
            }
            if (!names.add(name)) {
                throw new CsvTable.Unreadable(path + ": " + line.place() + ": theme '" + name + "' appears twice");
            }
            List<String> phrases = new ArrayList<>(Arrays.asList(line.values().get(examples).split(";")));
            if (english >= 0) {
                phrases.add(line.values().get(english));
            }
            themes.add(new ThemeTaxonomy.Theme(name, phrases));
        }
        if (themes.isEmpty()) {
            throw new CsvTable.Unreadable(path + ": line 2: no themes");
        }
        return new ThemeTaxonomy(themes);
    }

    private static void suggest(CsvTable input, int index, ThemeModel model, PrintWriter out) throws IOException {
        input.printWith(out, List.of("themes", "confidence"), r -> {
            List<ThemeSuggestion> suggestions = model.suggest(input.rows().get(r).values().get(index));
            return List.of(suggestions.stream().map(ThemeSuggestion::theme).collect(Collectors.joining(";")),
                    suggestions.stream().map(s -> String.format(Locale.ROOT, "%.2f", s.confidence())).collect(Collectors.joining(";")));
        });
    }

    private static void discover(CsvTable input, int index, int count, PrintWriter out) throws IOException {
        List<String> texts = input.rows().stream().map(line -> line.values().get(index)).toList();
        List<SuggestedTheme> themes = new ThemeDiscovery(TextAnalyzer.standard()).discover(texts, count);
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT);
        printer.printRecord("rank", "labels", "size", "example_1", "example_2", "example_3");
        int rank = 1;
        for (SuggestedTheme theme : themes) {
            List<Object> values = new ArrayList<>(List.of(rank++, String.join(";", theme.labels()), theme.size()));
            for (int i = 0; i < ThemeDiscovery.EXAMPLES; i++) {
                values.add(i < theme.examples().size() ? theme.examples().get(i) : "");
            }
            printer.printRecord(values);
        }
        printer.flush();
    }
}
