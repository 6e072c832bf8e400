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

class SentimentCommandTest {

    @TempDir
    Path dir;

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    @Test
    void addsSentimentAndLabelToTheInputColumns() throws IOException {
        Path file = Files.writeString(dir.resolve("comments.csv"), """
                id,text,channel
                1,"Geweldige reis, de gids was fantastisch!",web
                2,Het hotel was vies en het personeel onvriendelijk.,mail
                3,"The guide was wonderful, thank you!",web
                """, StandardCharsets.UTF_8);
        assertThat(run(file.toString())).isZero();
        List<CSVRecord> rows = parse(out.toString());
        assertThat(rows.get(0).toList()).containsExactly("id", "text", "channel", "sentiment", "label");
        assertThat(rows).hasSize(4);
        assertThat(rows.get(1).toList().subList(0, 3)).containsExactly("1", "Geweldige reis, de gids was fantastisch!", "web");
        assertThat(rows.get(1).get(4)).isEqualTo("positive");
        assertThat(rows.get(2).get(4)).isEqualTo("negative");
        assertThat(rows.get(3).get(4)).isEqualTo("positive");
        for (CSVRecord row : rows.subList(1, rows.size())) {
            assertThat(row.get(3)).matches("-?[01]\\.\\d{3}");
            assertThat(Double.parseDouble(row.get(3))).isBetween(-1.0, 1.0);
        }
        assertThat(Double.parseDouble(rows.get(1).get(3))).isPositive();
        assertThat(Double.parseDouble(rows.get(2).get(3))).isNegative();
    }

    @Test
    void readsAnotherColumnInAGivenLanguage() throws IOException {
        Path file = Files.writeString(dir.resolve("reasons.csv"), "reason\nNot bad at all\n", StandardCharsets.UTF_8);
        assertThat(run(file.toString(), "--column", "reason", "--lang", "en")).isZero();
        List<CSVRecord> rows = parse(out.toString());
        assertThat(rows.get(0).toList()).containsExactly("reason", "sentiment", "label");
        assertThat(rows.get(1).get(2)).isEqualTo("positive");
    }

    @Test
    void aBrokenQuoteIsRefusedWithItsLine() throws IOException {
        Path file = Files.writeString(dir.resolve("broken.csv"), "id,text\n1,goed\n2,\"slecht\n3,prima\n",
                StandardCharsets.UTF_8);
        assertThat(run(file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("line 3");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedWithItsLine() throws IOException {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, "text\nprima\nte dure caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(run(file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("line 3");
    }

    @Test
    void aRowWithTooManyFieldsIsRefusedWithItsLine() throws IOException {
        Path file = Files.writeString(dir.resolve("fields.csv"), "id,text\n1,goed\n2,slecht,extra\n", StandardCharsets.UTF_8);
        assertThat(run(file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("line 3");
    }

    @Test
    void aMissingColumnOrLanguageOrFileIsBadUsage() throws IOException {
        Path file = Files.writeString(dir.resolve("other.csv"), "id,comment\n1,goed\n", StandardCharsets.UTF_8);
        assertThat(run(file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("line 1").contains("no column 'text'");
        assertThat(run(file.toString(), "--column", "comment", "--lang", "fr")).isEqualTo(2);
        assertThat(run(dir.resolve("absent.csv").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("absent.csv");
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        try (CSVParser parser = CSVParser.builder().setReader(new java.io.StringReader(csv)).setFormat(CSVFormat.DEFAULT).get()) {
            return parser.getRecords();
        }
    }

    private int run(String... args) {
        CommandLine command = new CommandLine(new SentimentCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }
}
