package nl.buitenin.insight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** The gaming command's contract; the statistics are tested in ScoreGamingTest with simulated staff. */
class GamingCommandTest {

    @TempDir
    Path dir;

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    /** The documented example: m-102 pushes for tens, m-201 is genuinely better, a comment on m-203 asks for a 10. */
    @Test
    void readsTheDocumentedExample() throws IOException {
        assertThat(run("../docs/examples/gaming.csv")).isZero();
        List<CSVRecord> rows = parse(out.toString());
        assertThat(rows.get(0).toList()).containsExactly("agent", "team", "n", "top_share", "expected_share", "p_value",
                "q_value", "flagged", "reasons");
        Map<String, CSVRecord> byAgent = rows.subList(1, rows.size()).stream()
                .collect(Collectors.toMap(r -> r.get(0), Function.identity()));
        assertThat(byAgent.get("m-102").get(7)).isEqualTo("true");
        assertThat(byAgent.get("m-102").get(8)).isEqualTo("excess_top_scores");
        assertThat(byAgent.get("m-201").get(7)).isEqualTo("false");
        assertThat(Double.parseDouble(byAgent.get("m-201").get(3))).isGreaterThan(0.35);
        assertThat(byAgent.get("m-203").get(8)).isEqualTo("asked_for_score");
        assertThat(rows.subList(1, rows.size()).stream().map(r -> r.get(0)).toList())
                .as("in the file's order, never ranked").containsExactly("m-101", "m-102", "m-103", "m-104", "m-201", "m-202",
                        "m-203", "m-204");
    }

    @Test
    void badInputExitsTwoNamingTheLine() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.csv"), "agent,score\na,9\nb,6\nc,zes\n", StandardCharsets.UTF_8);
        assertThat(run(file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("line 4").contains("'zes'");
        Path scale = Files.writeString(dir.resolve("scale.csv"), "agent,score\na,6\n", StandardCharsets.UTF_8);
        assertThat(run(scale.toString(), "--scale", "1-5")).isEqualTo(2);
        assertThat(err.toString()).contains("line 2").contains("from 1 to 5");
        assertThat(run(scale.toString(), "--scale", "0-100")).isEqualTo(2);
        assertThat(err.toString()).contains("--scale must be");
        Path noAgent = Files.writeString(dir.resolve("noagent.csv"), "who,score\na,6\n", StandardCharsets.UTF_8);
        assertThat(run(noAgent.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no column 'agent'");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void fewAnswersAreShownButNotTested() throws IOException {
        Path file = Files.writeString(dir.resolve("few.csv"), "agent,score\na,10\na,10\nb,7\nb,8\n", StandardCharsets.UTF_8);
        assertThat(run(file.toString())).isZero();
        List<CSVRecord> rows = parse(out.toString());
        assertThat(rows.get(1).toList()).containsExactly("a", "", "2", "1", "", "", "", "false", "");
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        try (CSVParser parser = CSVParser.parse(csv, CSVFormat.DEFAULT)) {
            return parser.getRecords();
        }
    }

    private int run(String... args) {
        CommandLine command = new CommandLine(new GamingCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }
}
