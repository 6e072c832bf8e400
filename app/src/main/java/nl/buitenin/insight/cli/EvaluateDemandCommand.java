package nl.buitenin.insight.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import nl.buitenin.insight.internal.text.DemandEvaluation;
import nl.buitenin.insight.text.DemandClassifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code buitenin evaluate-demand DIR}: the failure-demand figures of docs/insight.md, measured on the labelled
 * contact reasons in DIR ({@code app/src/test/resources/nl/buitenin/insight/devsets}).
 */
@Command(name = "evaluate-demand", mixinStandardHelpOptions = true,
        description = {"Measure the failure-demand classifier against the labelled contact reasons in DIR "
                + "(contact-reasons.csv, labels-a/, labels-b/, split.csv).",
                "Prints a Markdown table for the dev split and the held-out test split, the figures per failure kind, "
                        + "and Cohen's kappa of the two label passes.",
                "Exit code 0 when measured, 2 when DIR cannot be read."})
public class EvaluateDemandCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "folder with the development sets")
    Path dir;

    @Option(names = "--dev-errors", description = "also print the dev reasons read wrongly (never those of test)")
    boolean devErrors;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DemandEvaluation evaluation = DevSetFolder.read(dir, DemandEvaluation::read, err);
        if (evaluation == null) {
            return 2;
        }
        DemandClassifier classifier = DemandClassifier.standard();
        out.print(evaluation.table(classifier));
        if (devErrors) {
            evaluation.devErrors(classifier).forEach(out::println);
        }
        out.flush();
        return 0;
    }
}
