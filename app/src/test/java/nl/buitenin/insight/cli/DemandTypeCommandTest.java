package nl.buitenin.insight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class DemandTypeCommandTest {

    @TempDir
    Path dir;

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    @Test
    void addsDemandAndWhyToTheInputColumns() throws IOException {
        Path file = Files.writeString(dir.resolve("reasons.csv"), """
                id,reason,channel
                1,Wil wandelreis Zuid-Limburg boeken voor 2 personen,phone
                2,"Waar blijft mijn bevestiging, vorige week geboekt",mail
                3,Invoice shows the wrong dates,mail
                """, StandardCharsets.UTF_8);
        assertThat(run(file.toString())).isZero();
        List<CSVRecord> rows = parse(out.toString());
        assertThat(rows.get(0).toList()).containsExactly("id", "reason", "channel", "demand", "why");
        assertThat(rows).hasSize(4);
        assertThat(rows.get(1).toList().subList(0, 4)).containsExactly("1", "Wil wandelreis Zuid-Limburg boeken voor 2 personen",
                "phone", "value");
        assertThat(rows.get(2).get(3)).isEqualTo("failure");
        assertThat(rows.get(2).get(4)).startsWith("Failure demand (chasing)");
        assertThat(rows.get(3).get(3)).isEqualTo("failure");
    }

    @Test
    void aPersonsRepeatedContactAboutTheSameMatterIsFailureDemand() throws IOException {
        Path file = Files.writeString(dir.resolve("people.csv"), """
                person,at,text
                p1,2026-03-10,Vraagt naar de koffer
                p2,2026-03-02,Vraagt naar de koffer
                p1,2026-03-01T09:00:00Z,Koffer niet aangekomen in hotel
                p3,2026-01-01,Koffer niet aangekomen in hotel
                p3,2026-03-01,Vraagt naar de koffer
                """, StandardCharsets.UTF_8);
        assertThat(run(file.toString(), "--column", "text", "--why", "nl")).isZero();
        List<CSVRecord> rows = parse(out.toString());
        // p1 asks again nine days after the complaint (the rows are out of time order); p2 asks for the first time;
        // p3 asks two months later, outside the 14 days
        assertThat(rows.get(1).get(3)).isEqualTo("failure");
        assertThat(rows.get(1).get(4)).startsWith("Faalvraag (herhaling)").contains("8 dagen eerder");
        assertThat(rows.get(2).get(3)).isEqualTo("value");
        assertThat(rows.get(5).get(3)).isEqualTo("value");
        out.getBuffer().setLength(0);
        assertThat(run(file.toString(), "--column", "text", "--window", "90")).isZero();
        assertThat(parse(out.toString()).get(5).get(3)).isEqualTo("failure");
    }

    @Test
    void withoutTimesTheRowOrderCounts() throws IOException {
        Path file = Files.writeString(dir.resolve("order.csv"), """
                person,reason
                p1,Koffer niet aangekomen in hotel
                p1,Vraagt naar de koffer
                """, StandardCharsets.UTF_8);
        assertThat(run(file.toString())).isZero();
        List<CSVRecord> rows = parse(out.toString());
        assertThat(rows.get(2).get(2)).isEqualTo("failure");
    }

    @Test
    void aBrokenQuoteOrABadTimeIsRefusedWithItsLine() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.csv"), "id,reason\n1,boeken\n2,\"kwijt\n3,prima\n",
                StandardCharsets.UTF_8);
        assertThat(run(broken.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("line 3");
        assertThat(out.toString()).isEmpty();
        Path time = Files.writeString(dir.resolve("time.csv"), "reason,at\nboeken,2026-03-01\nkwijt,gisteren\n",
                StandardCharsets.UTF_8);
        assertThat(run(time.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("line 3").contains("gisteren");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedWithItsLine() throws IOException {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, "reason\nboeken\nte dure caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(run(file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("line 3");
    }

    @Test
    void aMissingColumnOrABadOptionOrFileIsBadUsage() throws IOException {
        Path file = Files.writeString(dir.resolve("other.csv"), "id,comment\n1,kwijt\n", StandardCharsets.UTF_8);
        assertThat(run(file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("line 1").contains("no column 'reason'");
        assertThat(run(file.toString(), "--column", "comment", "--why", "fr")).isEqualTo(2);
        assertThat(run(file.toString(), "--column", "comment", "--window", "-1")).isEqualTo(2);
        assertThat(run(dir.resolve("absent.csv").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("absent.csv");
    }

    @Test
    void evaluateDemandRefusesAFolderThatIsNotThere() {
        CommandLine command = new CommandLine(new EvaluateDemandCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        assertThat(command.execute(dir.resolve("absent").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("absent");
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        try (CSVParser parser = CSVParser.builder().setReader(new java.io.StringReader(csv)).setFormat(CSVFormat.DEFAULT).get()) {
            return parser.getRecords();
        }
    }

    private int run(String... args) {
        CommandLine command = new CommandLine(new DemandTypeCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }
}
