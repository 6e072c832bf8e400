package nl.buitenin.insight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
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

import nl.buitenin.insight.text.SuggestedTheme;
import nl.buitenin.insight.text.TextAnalyzer;
import nl.buitenin.insight.text.ThemeDiscovery;
import nl.buitenin.insight.text.ThemeDiscoveryTest;
import picocli.CommandLine;

class ThemesCommandTest {

    private static final String TAXONOMY = """
            theme,theme_en,examples
            bagagevervoer,luggage transport,koffer stond niet in het hotel;bagage altijd keurig op tijd;koffer kapot aangekomen
            gids,guide,de gids wist veel van de streek;gids was onvriendelijk;gids kende de weg niet
            wachttijd telefoon,waiting time on the phone,drie kwartier in de wacht;niemand nam op;niet teruggebeld
            """;

    @TempDir
    Path dir;

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    @Test
    void addsThemesAndTheirConfidenceToTheInputColumns() throws IOException {
        Path taxonomy = write("taxonomy.csv", TAXONOMY);
        Path file = write("comments.csv", """
                id,text,channel
                1,"Mijn koffer stond niet in het hotel, en de gids was onvriendelijk.",web
                2,Prachtig weer gehad.,mail
                3,Our guide knew every plant along the way.,web
                """);
        assertThat(run(file.toString(), "--taxonomy", taxonomy.toString())).isZero();
        List<CSVRecord> rows = parse(out.toString());
        assertThat(rows.get(0).toList()).containsExactly("id", "text", "channel", "themes", "confidence");
        assertThat(rows).hasSize(4);
        assertThat(rows.get(1).toList().subList(0, 3))
                .containsExactly("1", "Mijn koffer stond niet in het hotel, en de gids was onvriendelijk.", "web");
        assertThat(List.of(rows.get(1).get(3).split(";"))).containsExactlyInAnyOrder("bagagevervoer", "gids");
        String[] confidences = rows.get(1).get(4).split(";");
        assertThat(confidences).hasSize(2);
        assertThat(confidences).allSatisfy(c -> assertThat(Double.parseDouble(c)).isBetween(0.0, 1.0));
        assertThat(Double.parseDouble(confidences[0])).isGreaterThanOrEqualTo(Double.parseDouble(confidences[1]));
        assertThat(rows.get(2).get(3)).isEmpty();
        assertThat(rows.get(2).get(4)).isEmpty();
        assertThat(rows.get(3).get(3)).isEqualTo("gids"); // through the English name in theme_en
    }

    @Test
    void discoverPrintsSuggestedThemesWithLabelsSizeAndThreeExamples() throws Exception {
        Path file = Path.of(getClass().getResource("/nl/buitenin/insight/devsets/comments-en.csv").toURI());
        assertThat(run(file.toString(), "--discover", "3")).isZero();
        List<CSVRecord> rows = parse(out.toString());
        assertThat(rows.get(0).toList()).containsExactly("rank", "labels", "size", "example_1", "example_2", "example_3");
        assertThat(rows).hasSize(4);
        assertThat(rows.subList(1, 4)).extracting(row -> row.get(0)).containsExactly("1", "2", "3");
        List<SuggestedTheme> themes = new ThemeDiscovery(TextAnalyzer.standard())
                .discover(ThemeDiscoveryTest.comments("comments-en.csv"), 3);
        assertThat(rows.subList(1, 4)).extracting(row -> row.get(1))
                .containsExactlyElementsOf(themes.stream().map(theme -> String.join(";", theme.labels())).toList());
        assertThat(rows.get(1).get(3)).isEqualTo(themes.get(0).examples().get(0));
        assertThat(Integer.parseInt(rows.get(1).get(2))).isGreaterThanOrEqualTo(Integer.parseInt(rows.get(2).get(2)));
        assertThat(rows.subList(1, 4)).allSatisfy(row -> {
            assertThat(Integer.parseInt(row.get(2))).isGreaterThanOrEqualTo(3);
            assertThat(row.get(3)).isNotEmpty();
            assertThat(row.get(5)).isNotEmpty();
        });
    }

    @Test
    void aBrokenLineInTheTextsIsRefusedWithItsLine() throws IOException {
        Path taxonomy = write("taxonomy.csv", TAXONOMY);
        Path file = write("broken.csv", "id,text\n1,goed\n2,\"slecht\n3,prima\n");
        assertThat(run(file.toString(), "--taxonomy", taxonomy.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("broken.csv").contains("line 3");
        assertThat(out.toString()).isEmpty();
        assertThat(run(file.toString(), "--discover", "3")).isEqualTo(2);
    }

    @Test
    void aBrokenTaxonomyIsRefusedWithItsLine() throws IOException {
        Path file = write("comments.csv", "text\nMijn koffer was zoek.\n");
        Path fields = write("fields.csv", "theme,examples\ngids,de gids\nbagage,koffer,extra\n");
        assertThat(run(file.toString(), "--taxonomy", fields.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("fields.csv: line 3");
        Path twice = write("twice.csv", "theme,examples\ngids,de gids\nbagage,koffer\ngids,gids was aardig\n");
        assertThat(run(file.toString(), "--taxonomy", twice.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("twice.csv: line 4").contains("'gids' appears twice");
        Path unnamed = write("unnamed.csv", "theme,examples\ngids,de gids\n ,koffer\n");
        assertThat(run(file.toString(), "--taxonomy", unnamed.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("unnamed.csv: line 3");
        Path columns = write("columns.csv", "name,phrases\ngids,de gids\n");
        assertThat(run(file.toString(), "--taxonomy", columns.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("columns.csv: line 1").contains("no column 'theme'");
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, "theme,examples\ngids,de gids\ncaf\u00e9,koffie\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(run(file.toString(), "--taxonomy", latin1.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("latin1.csv: line 3");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void neitherOrBothModesAMissingColumnOrACountBelowOneIsBadUsage() throws IOException {
        Path taxonomy = write("taxonomy.csv", TAXONOMY);
        Path file = write("other.csv", "id,comment\n1,goed\n");
        assertThat(run(file.toString())).isEqualTo(2);
        assertThat(run(file.toString(), "--taxonomy", taxonomy.toString(), "--discover", "3")).isEqualTo(2);
        assertThat(err.toString()).contains("either --taxonomy");
        assertThat(run(file.toString(), "--discover", "0")).isEqualTo(2);
        assertThat(run(file.toString(), "--taxonomy", taxonomy.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("line 1").contains("no column 'text'");
        Path texts = write("texts.csv", "text\nMijn koffer was zoek.\n");
        assertThat(run(texts.toString(), "--taxonomy", dir.resolve("absent.csv").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("absent.csv");
        assertThat(out.toString()).isEmpty();
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(csv)).setFormat(CSVFormat.DEFAULT).get()) {
            return parser.getRecords();
        }
    }

    private int run(String... args) {
        CommandLine command = new CommandLine(new ThemesCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }
}
