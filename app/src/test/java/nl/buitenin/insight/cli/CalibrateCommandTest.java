package nl.buitenin.insight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The calibrate command's contract; the statistics are tested in ScaleCalibrationTest. */
class CalibrateCommandTest {

    @TempDir
    Path dir;

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    /**
     * The documented example is simulated with true target means reis 8.0, gids 7.6, boeken 7.0, klantenservice 6.6,
     * harsh raters mostly about reis and gids, lenient ones about boeken and klantenservice: raw, boeken looks better
     * than gids; calibrated, the order is the true one.
     */
    @Test
    void readsTheDocumentedExample() throws IOException {
        assertThat(run("../docs/examples/calibrate.csv")).isZero();
        List<CSVRecord> rows = parse(out.toString());
        assertThat(rows.get(0).toList()).containsExactly("target", "n", "raw_mean", "calibrated_mean", "low", "high");
        List<CSVRecord> targets = rows.subList(1, rows.size());
        assertThat(targets).hasSize(4);
        assertThat(targets.stream().mapToInt(r -> Integer.parseInt(r.get(1))).sum()).isEqualTo(392);
        assertThat(order(targets, 3)).containsExactly("klantenservice", "boeken", "gids", "reis");
        assertThat(order(targets, 2)).isNotEqualTo(order(targets, 3));
        for (CSVRecord row : targets) {
            assertThat(Double.parseDouble(row.get(4))).isLessThan(Double.parseDouble(row.get(3)));
            assertThat(Double.parseDouble(row.get(5))).isGreaterThan(Double.parseDouble(row.get(3)));
        }
    }

    @Test
    void printsJson() throws IOException {
        Path file = Files.writeString(dir.resolve("s.csv"), "person,score,target\na,5,x\na,7,y\nb,7,x\nb,8,y\nc,9,x\nc,9,y\n",
                StandardCharsets.UTF_8);
        assertThat(run(file.toString(), "--json", "--bootstrap", "0")).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(out.toString());
        assertThat(json.size()).isEqualTo(2);
        assertThat(json.get(0).get("target").asString()).isEqualTo("x");
        assertThat(json.get(0).get("n").asInt()).isEqualTo(3);
        assertThat(json.get(0).get("rawMean").asDouble()).isEqualTo(7.0);
        assertThat(json.get(1).get("calibratedMean").asDouble()).isEqualTo(8.0);
    }

    @Test
    void badInputExitsTwoNamingTheLine() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.csv"), "person,score,target\na,9,x\nb,zes,x\n", StandardCharsets.UTF_8);
        assertThat(run(file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("line 3").contains("'zes'");
        Path scale = Files.writeString(dir.resolve("scale.csv"), "person,score,target\na,4,x\na,6,y\n", StandardCharsets.UTF_8);
        assertThat(run(scale.toString(), "--scale", "1-5")).isEqualTo(2);
        assertThat(err.toString()).contains("line 3").contains("from 1 to 5").contains("'6'");
        assertThat(run(scale.toString(), "--scale", "0-100")).isEqualTo(2);
        assertThat(err.toString()).contains("--scale must be");
        Path noTarget = Files.writeString(dir.resolve("notarget.csv"), "person,score\na,6\n", StandardCharsets.UTF_8);
        assertThat(run(noTarget.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("line 1").contains("no column 'target'");
        Path emptyTarget = Files.writeString(dir.resolve("empty.csv"), "person,score,target\na,6,x\na,7,\n", StandardCharsets.UTF_8);
        assertThat(run(emptyTarget.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("line 3").contains("'target' is empty");
        Path fields = Files.writeString(dir.resolve("fields.csv"), "person,score,target\na,6,x,y\n", StandardCharsets.UTF_8);
        assertThat(run(fields.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("line 2");
        assertThat(out.toString()).isEmpty();
    }

    private static List<String> order(List<CSVRecord> rows, int column) {
        return rows.stream().sorted(Comparator.comparingDouble(r -> Double.parseDouble(r.get(column)))).map(r -> r.get(0)).toList();
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        try (CSVParser parser = CSVParser.parse(csv, CSVFormat.DEFAULT)) {
            return parser.getRecords();
        }
    }

    private int run(String... args) {
        CommandLine command = new CommandLine(new CalibrateCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }
}
