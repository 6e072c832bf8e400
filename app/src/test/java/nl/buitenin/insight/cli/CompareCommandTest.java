package nl.buitenin.insight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** The compare command's contract: columns, order, exit codes; the statistics themselves are in ComparisonsTest. */
class CompareCommandTest {

    @TempDir
    Path dir;

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    /** Wikipedia's Welch example 1 (t = -2.46, ν = 24.99, p = 0.021) read from a file. */
    @Test
    void comparesTwoGroupsMeansWithWelch() throws IOException {
        double[] a1 = {27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4};
        double[] a2 = {27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4};
        StringBuilder csv = new StringBuilder("who,score\n");
        for (int i = 0; i < 15; i++) {
            csv.append("A1,").append(a1[i]).append('\n').append("A2,").append(a2[i]).append('\n');
        }
        Path file = Files.writeString(dir.resolve("welch.csv"), csv, StandardCharsets.UTF_8);
        assertThat(run(file.toString(), "--type", "mean", "--group", "who")).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).isEqualTo("group,n,score,low,high");
        assertThat(lines.get(1)).startsWith("A1,15,20.82,");
        assertThat(lines.get(2)).startsWith("A2,15,22.99,");
        assertThat(lines.get(3)).isEmpty();
        assertThat(lines.get(4)).isEqualTo("difference,low,high,p_value");
        String[] difference = lines.get(5).split(",");
        assertThat(difference[0]).isEqualTo("-2.17");
        assertThat(Double.parseDouble(difference[2])).isNegative();
        assertThat(Double.parseDouble(difference[3])).isBetween(0.0205, 0.0215);
    }

    @Test
    void comparesNpsAndCsatInTheScoresUnits() throws IOException {
        // Group a: 6 promoters, 2 passives, 2 detractors (NPS 40); group b: 2, 2, 6 (NPS -40).
        Path file = Files.writeString(dir.resolve("nps.csv"), "team,score\n"
                + rows("a", 10, 6) + rows("a", 7, 2) + rows("a", 3, 2)
                + rows("b", 9, 2) + rows("b", 8, 2) + rows("b", 0, 6), StandardCharsets.UTF_8);
        assertThat(run(file.toString(), "--type", "nps", "--group", "team")).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(1)).startsWith("a,10,40,");
        assertThat(lines.get(2)).startsWith("b,10,-40,");
        assertThat(lines.get(5)).startsWith("80,");

        out.getBuffer().setLength(0);
        Path csat = Files.writeString(dir.resolve("csat.csv"), "team,score\n" + rows("x", 5, 3) + rows("x", 2, 1)
                + rows("y", 4, 1) + rows("y", 1, 3), StandardCharsets.UTF_8);
        assertThat(run(csat.toString(), "--type", "csat", "--group", "team")).isZero();
        assertThat(out.toString().lines().toList().get(5)).startsWith("50,");
    }

    @Test
    void plansTheMinimumDetectableDifference() throws IOException {
        Path file = Files.writeString(dir.resolve("plan.csv"), "score\n" + rows("", 1, 1) + rows("", 3, 1),
                StandardCharsets.UTF_8);
        assertThat(run(file.toString(), "--type", "mean", "--plan", "64")).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).isEqualTo("per_group,minimum_difference,unit,baseline_n,baseline_score,baseline_sd");
        // Scores 1 and 3 have sd √2; Cohen's d = 0.5 at 64 per group, so about 0.5 · √2 = 0.71.
        assertThat(lines.get(1)).startsWith("64,0.71,scale_units,2,2,1.41");
    }

    @Test
    void badInputExitsTwoNamingTheLine() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.csv"), "team,score\na,9\nb,11\n", StandardCharsets.UTF_8);
        assertThat(run(file.toString(), "--type", "nps", "--group", "team")).isEqualTo(2);
        assertThat(err.toString()).contains("line 3").contains("'11' is not an NPS answer");
        assertThat(out.toString()).isEmpty();

        Path three = Files.writeString(dir.resolve("three.csv"), "team,score\na,9\nb,8\nc,7\n", StandardCharsets.UTF_8);
        assertThat(run(three.toString(), "--type", "nps", "--group", "team")).isEqualTo(2);
        assertThat(err.toString()).contains("exactly two groups, found 3: a, b, c");

        Path words = Files.writeString(dir.resolve("words.csv"), "team,score\na,goed\n", StandardCharsets.UTF_8);
        assertThat(run(words.toString(), "--type", "mean", "--group", "team")).isEqualTo(2);
        assertThat(err.toString()).contains("line 2").contains("not a number: 'goed'");

        assertThat(run(words.toString(), "--type", "mean")).isEqualTo(2);
        assertThat(err.toString()).contains("--group is needed");
        assertThat(run(words.toString(), "--type", "mean", "--group", "missing")).isEqualTo(2);
        assertThat(err.toString()).contains("no column 'missing'");
    }

    private static String rows(String group, int score, int times) {
        return IntStream.range(0, times).mapToObj(i -> group.isEmpty() ? score + "\n" : group + "," + score + "\n")
                .collect(Collectors.joining());
    }

    private int run(String... args) {
        CommandLine command = new CommandLine(new CompareCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }
}
