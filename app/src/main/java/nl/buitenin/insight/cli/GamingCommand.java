package nl.buitenin.insight.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

import nl.buitenin.insight.readings.GamingSignal;
import nl.buitenin.insight.readings.ScoreGaming;
import nl.buitenin.insight.readings.StaffAnswer;
import nl.buitenin.platform.CsvInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code buitenin gaming FILE [--scale 0-10|1-5|1-7] [--fdr 0.05]}: the score-gaming reading of each staff member,
 * with the same code as the server ({@link ScoreGaming}). Staff are printed in the order they first appear in the
 * file, never ranked. The file is read whole first, so a broken line stops the tool before it prints anything.
 */
@Command(name = "gaming", mixinStandardHelpOptions = true,
        description = {"Read score gaming per staff member from a CSV file (UTF-8, with a header): columns 'agent' and "
                + "'score', optional 'team' and 'comment'.",
                "Prints 'agent,team,n,top_share,expected_share,p_value,q_value,flagged,reasons': the share of top scores, "
                        + "the share the rest of the agent's answers explain (the team's distribution shifted to fit them), "
                        + "the p-value of the excess, its Benjamini-Hochberg q-value over all agents tested, and whether "
                        + "the agent is flagged, with reasons ';'-separated from excess_top_scores (q <= --fdr) and "
                        + "asked_for_score (a comment says the person was asked for a score).",
                "Agents with fewer answers than --min-n are not tested (p_value, q_value and expected_share empty).",
                "Exit code 0 when read, 2 on bad usage or a file that cannot be read (the line is named)."})
public class GamingCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "CSV file with a header line")
    Path file;

    @Option(names = "--scale", defaultValue = "0-10", description = "0-10, 1-5 or 1-7 (default: ${DEFAULT-VALUE})")
    String scale;

    @Option(names = "--fdr", defaultValue = "0.05", description = "false-discovery rate (default: ${DEFAULT-VALUE})")
    double falseDiscoveryRate;

    @Option(names = "--min-n", defaultValue = "" + ScoreGaming.DEFAULT_MINIMUM_ANSWERS,
            description = "fewest answers an agent needs to be tested (default: ${DEFAULT-VALUE})")
    int minimumAnswers;

    @Option(names = "--json", description = "print the result as JSON")
    boolean json;

    @Spec
    CommandSpec spec;

    /** One agent's line as printed. */
    record Row(String agent, @Nullable String team, long n, double topShare, @Nullable Double expectedShare,
            @Nullable Double pValue, @Nullable Double qValue, boolean flagged, List<String> reasons) {
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
        if (!(falseDiscoveryRate > 0 && falseDiscoveryRate < 1)) {
            err.println("--fdr must lie between 0 and 1, not " + falseDiscoveryRate);
            return 2;
        }
        if (minimumAnswers < 2) {
            err.println("--min-n must be 2 or more, not " + minimumAnswers);
            return 2;
        }
        return CsvTable.exitCode(out, err, () -> {
            CsvTable input = CsvTable.read(file);
            int agent = input.column(file, "agent");
            int score = input.column(file, "score");
            int team = input.header().indexOf("team").orElse(-1);
            int comment = input.header().indexOf("comment").orElse(-1);
            List<StaffAnswer> answers = new ArrayList<>();
            for (CsvInput.Line line : input.rows()) {
                String who = line.values().get(agent).strip();
                String value = line.values().get(score).strip();
                if (value.isEmpty()) {
                    continue;
                }
                if (who.isEmpty()) {
                    throw new CsvTable.Unreadable(file + ": " + line.place() + ": 'agent' is empty: every score needs the agent who served");
                }
                answers.add(new StaffAnswer(who, team < 0 ? null : blankToNull(line.values().get(team)),
                        CsvTable.score(file, line, value, range), comment < 0 ? null : blankToNull(line.values().get(comment))));
            }
            List<GamingSignal> signals = new ScoreGaming(range[0], range[1], falseDiscoveryRate, minimumAnswers).read(answers);
            print(out, signals.stream().map(GamingCommand::row).toList());
        });
    }

    private void print(PrintWriter out, List<Row> rows) throws IOException {
        if (json) {
            out.println(JsonMapper.builder().build().writeValueAsString(rows));
            return;
        }
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT);
        printer.printRecord("agent", "team", "n", "top_share", "expected_share", "p_value", "q_value", "flagged", "reasons");
        for (Row row : rows) {
            printer.printRecord(row.agent(), row.team() == null ? "" : row.team(), row.n(), Numbers.plain(row.topShare()),
                    row.expectedShare() == null ? "" : Numbers.plain(row.expectedShare()),
                    row.pValue() == null ? "" : Numbers.plain(row.pValue()), row.qValue() == null ? "" : Numbers.plain(row.qValue()),
                    row.flagged(), String.join(";", row.reasons()));
        }
        printer.flush();
    }

    private static Row row(GamingSignal signal) {
        boolean tested = signal.pValue() != null;
        return new Row(signal.staff(), signal.team(), signal.n(), Numbers.round(signal.topShare(), 4),
                tested ? Numbers.round(signal.expectedTopShare(), 4) : null, tested ? Numbers.significant(signal.pValue()) : null,
                tested ? Numbers.significant(signal.qValue()) : null, signal.flagged(),
                signal.reasons().stream().map(GamingSignal.Reason::code).collect(Collectors.toList()));
    }


    private static @Nullable String blankToNull(String value) {
        return value.isBlank() ? null : value.strip();
    }
}
