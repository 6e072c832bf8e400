package nl.buitenin.insight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** The drivers command's contract; the decomposition itself is tested in KeyDriversTest. */
class DriversCommandTest {

    @TempDir
    Path dir;

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    /** The documented example was simulated with weights reis 1.3, gids 0.8, boeken 0.5, klantenservice 0.4, bevestiging 0.2. */
    @Test
    void ranksTheDocumentedExamplesDriversAsSimulated() {
        assertThat(run("../docs/examples/drivers.csv", "--outcome", "aanbeveling", "--drivers",
                "boeken,bevestiging,reis,gids,klantenservice", "--bootstrap", "200")).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).isEqualTo("driver,importance,low,high,mean");
        assertThat(lines.subList(1, 6).stream().map(line -> line.split(",")[0]).toList())
                .containsExactly("reis", "gids", "boeken", "klantenservice", "bevestiging");
        double sum = lines.subList(1, 6).stream().mapToDouble(line -> Double.parseDouble(line.split(",")[1])).sum();
        assertThat(sum).isCloseTo(1.0, org.assertj.core.api.Assertions.within(0.001));
        assertThat(err.toString()).contains("379 of 600 rows complete and used");
    }

    @Test
    void badInputExitsTwoNamingTheLineAndColumn() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.csv"), "id,overall,wait\nx1,8,4\nx2,6,veel\n", StandardCharsets.UTF_8);
        assertThat(run(file.toString(), "--outcome", "overall")).isEqualTo(2);
        assertThat(err.toString()).contains("line 2").contains("'id' is not a number").contains("--drivers");
        assertThat(run(file.toString(), "--outcome", "overall", "--drivers", "wait")).isEqualTo(2);
        assertThat(err.toString()).contains("line 3").contains("'wait' is not a number: 'veel'");
        assertThat(run(file.toString(), "--outcome", "score")).isEqualTo(2);
        assertThat(err.toString()).contains("no column 'score'");
        Path constant = Files.writeString(dir.resolve("constant.csv"), "overall,wait\n8,4\n6,4\n7,4\n9,4\n",
                StandardCharsets.UTF_8);
        assertThat(run(constant.toString(), "--outcome", "overall")).isEqualTo(2);
        assertThat(err.toString()).contains("'wait' has the same value in every row");
        assertThat(out.toString()).isEmpty();
    }

    private int run(String... args) {
        CommandLine command = new CommandLine(new DriversCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }
}
