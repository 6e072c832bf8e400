package nl.buitenin.insight.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import nl.buitenin.insight.internal.text.SentimentEvaluation;
import nl.buitenin.insight.internal.text.SentimentRules;
import nl.buitenin.insight.text.Language;
import nl.buitenin.insight.text.TextAnalyzer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code buitenin evaluate-sentiment DIR}: the quality table of docs/insight.md, measured on the labelled
 * development sets in DIR ({@code app/src/test/resources/nl/buitenin/insight/devsets}).
 */
@Command(name = "evaluate-sentiment", mixinStandardHelpOptions = true,
        description = {"Measure sentiment and language guessing against the labelled development sets in DIR "
                + "(comments-nl.csv, comments-en.csv, labels-a/, labels-b/, split.csv).",
                "Prints a Markdown table per language for the dev split and the held-out test split, and Cohen's kappa "
                        + "of the two label passes.",
                "Exit code 0 when measured, 2 when DIR cannot be read."})
public class EvaluateSentimentCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "folder with the development sets")
    Path dir;

    @Option(names = "--tune", description = "also print the neutral band that is best on the dev split (never on test)")
    boolean tune;

    @Option(names = "--dev-errors", description = "also print the dev texts labelled wrongly (never those of test)")
    boolean devErrors;

    @Option(names = "--dev-only", description = "print the dev split only, to tune by; the held-out test split stays "
            + "unseen until a change is kept")
    boolean devOnly;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SentimentEvaluation evaluation = DevSetFolder.read(dir, SentimentEvaluation::read, err);
        if (evaluation == null) {
            return 2;
        }
        TextAnalyzer analyzer = TextAnalyzer.standard();
        out.print(evaluation.table(analyzer, !devOnly));
        if (tune) {
            for (Language language : Language.values()) {
                out.println(String.format(Locale.ROOT, "best neutral band on dev, %s: %.2f (standard: %.2f)",
                        language.code(), evaluation.bestNeutralBand(analyzer, language),
                        SentimentRules.STANDARD.neutral(language)));
            }
        }
        if (devErrors) {
            for (Language language : Language.values()) {
                evaluation.devErrors(analyzer, language).forEach(out::println);
            }
        }
        out.flush();
        return 0;
    }
}
