package nl.buitenin.insight.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import nl.buitenin.insight.internal.text.ThemeEvaluation;
import nl.buitenin.insight.text.TextAnalyzer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code buitenin evaluate-themes DIR}: the theme quality tables of docs/insight.md, measured on the labelled
 * development sets in DIR ({@code app/src/test/resources/nl/buitenin/insight/devsets}).
 */
@Command(name = "evaluate-themes", mixinStandardHelpOptions = true,
        description = {"Measure theme suggestion against the labelled development sets in DIR "
                + "(taxonomy.csv, comments-nl.csv, comments-en.csv, labels-a/, labels-b/, split.csv).",
                "Prints Markdown tables: micro precision, recall and F1 per language and split for a model from the "
                        + "taxonomy's examples only and one that also learnt from the dev split's labels, then "
                        + "per theme on the held-out test split. Thresholds are chosen on the dev split only.",
                "Exit code 0 when measured, 2 when DIR cannot be read."})
public class EvaluateThemesCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "folder with the development sets")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ThemeEvaluation evaluation = DevSetFolder.read(dir, ThemeEvaluation::read, err);
        if (evaluation == null) {
            return 2;
        }
        out.print(evaluation.table(TextAnalyzer.standard()));
        out.flush();
        return 0;
    }
}
