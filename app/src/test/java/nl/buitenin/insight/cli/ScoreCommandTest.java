package nl.buitenin.insight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class ScoreCommandTest {

    @TempDir
    Path dir;

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    @Test
    void scoresTheIssuesExampleFromAColumnWithAHeader() throws IOException {
        StringBuilder csv = new StringBuilder("respondent,nps\n");
        for (int i = 0; i < 1162; i++) {
            int value = i < 291 ? 9 : i < 291 + 395 ? 4 : 7;
            csv.append(i).append(',').append(value).append('\n');
        }
        Path file = Files.writeString(dir.resolve("answers.csv"), csv);
        assertThat(run(file.toString(), "--type", "nps", "--column", "nps")).isZero();
        assertThat(out.toString()).contains("n = 1162").contains("score = -8.95").contains("adjusted-wald");
    }

    @Test
    void printsJsonWithNAndTheInterval() throws IOException {
        // Newcombe's 81 of 263 as CSAT answers: 81 fives and 182 threes, without a header.
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 263; i++) {
            csv.append(i < 81 ? 5 : 3).append('\n');
        }
        Path file = Files.writeString(dir.resolve("csat.csv"), csv);
        assertThat(run(file.toString(), "--type", "csat", "--json")).isZero();
        assertThat(out.toString()).contains("\"n\":263").contains("\"lower\":25.53").contains("\"upper\":36.62")
                .contains("\"smallSample\":false");
    }

    @Test
    void aValueOffTheScaleIsReportedWithItsLine() throws IOException {
        Path file = Files.writeString(dir.resolve("ces.csv"), "ces\n5\n\n8\n");
        assertThat(run(file.toString(), "--type", "ces")).isEqualTo(2);
        assertThat(err.toString()).contains("line 4: 8 is not on the CES scale (1 to 7)");
    }

    @Test
    void textIsReportedWithItsLineAndSmallSamplesAreFlagged() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "nps\n10\nelf\n");
        assertThat(run(bad.toString(), "--type", "nps")).isEqualTo(2);
        assertThat(err.toString()).contains("line 3: 'elf' is not a whole number from 0 to 10");

        Path small = Files.writeString(dir.resolve("small.csv"), "10\n9\n3\n");
        assertThat(run(small.toString(), "--type", "nps")).isZero();
        assertThat(out.toString()).contains("n = 3").contains("an indication only");
    }

    private int run(String... args) {
        CommandLine commandLine = new CommandLine(new ScoreCommand());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
