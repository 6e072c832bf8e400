package nl.buitenin.insight.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.buitenin.platform.CsvInput;

/** Discovery on the comments of the development sets: real variety, and themes an analyst would recognise. */
public class ThemeDiscoveryTest {

    private final ThemeDiscovery discovery = new ThemeDiscovery(TextAnalyzer.standard());

    @Test
    void groupsDutchCommentsIntoLabelledThemesWithSizeAndExamples() throws Exception {
        List<String> texts = comments("comments-nl.csv");
        List<SuggestedTheme> themes = discovery.discover(texts, 6);
        assertThat(themes).hasSize(6);
        assertThat(themes).isSortedAccordingTo((x, y) -> Integer.compare(y.size(), x.size()));
        assertThat(themes).allSatisfy(theme -> {
            assertThat(theme.labels()).isNotEmpty();
            assertThat(theme.size()).isGreaterThanOrEqualTo(2);
            assertThat(theme.examples()).hasSizeBetween(1, ThemeDiscovery.EXAMPLES);
            assertThat(texts).containsAll(theme.examples());
        });
        SuggestedTheme app = themes.stream().filter(t -> t.labels().contains("App")).findFirst().orElseThrow();
        assertThat(app.size()).isGreaterThanOrEqualTo(10);
        assertThat(app.examples()).allSatisfy(example -> assertThat(example.toLowerCase()).contains("app"));
    }

    /**
     * Discovery asks for extra clusters to skip those analysts decided on before, and those grow with every decision:
     * asking for more than Lingo's maximum of 100 failed the whole run ("Value must be <= 100").
     */
    @Test
    void askingForMoreClustersThanLingoMakesGivesTheMostItMakes() throws Exception {
        List<String> texts = comments("comments-nl.csv");
        assertThat(discovery.discover(texts, 500)).isNotEmpty().hasSizeLessThanOrEqualTo(500);
    }

    @Test
    void groupsEnglishCommentsWithEnglishLabels() throws Exception {
        List<SuggestedTheme> themes = discovery.discover(comments("comments-en.csv"), 6);
        assertThat(themes).extracting(theme -> theme.labels().get(0)).contains("Hotel", "Route Notes");
    }

    @Test
    void eachThemeNamesItsLanguageAndThePositionsOfAllItsTextsInTheInput() throws Exception {
        List<String> dutch = comments("comments-nl.csv");
        List<String> english = comments("comments-en.csv");
        List<String> mixed = new java.util.ArrayList<>();
        mixed.add("");
        mixed.addAll(english);
        mixed.addAll(dutch);
        List<SuggestedTheme> themes = discovery.discover(mixed, 8);
        assertThat(themes).allSatisfy(theme -> assertThat(theme.members()).doesNotContain(0));
        assertThat(themes).extracting(SuggestedTheme::language).contains(Language.NL, Language.EN);
        assertThat(themes).allSatisfy(theme -> {
            assertThat(theme.members()).hasSize(theme.size()).isSorted().doesNotHaveDuplicates();
            // The examples are the first members, and every member is a text of the theme's own language.
            assertThat(theme.examples()).isEqualTo(theme.members().stream().limit(ThemeDiscovery.EXAMPLES).map(mixed::get).toList());
            assertThat(theme.members()).allSatisfy(position -> assertThat(TextAnalyzer.standard().language(mixed.get(position)))
                    .isEqualTo(theme.language()));
        });
    }

    @Test
    void theSameTextsGiveTheSameThemes() throws Exception {
        List<String> texts = comments("comments-en.csv");
        assertThat(discovery.discover(texts, 4)).isEqualTo(discovery.discover(texts, 4));
    }

    @Test
    void noTextsGiveNoThemesAndACountBelowOneIsRefused() {
        assertThat(discovery.discover(List.of(), 3)).isEmpty();
        assertThatThrownBy(() -> discovery.discover(List.of("Mijn koffer was zoek."), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The texts of a comments file of the development sets. */
    public static List<String> comments(String file) throws IOException, URISyntaxException {
        Path path = Path.of(ThemeDiscoveryTest.class.getResource("/nl/buitenin/insight/devsets/" + file).toURI());
        try (Reader reader = CsvInput.utf8(Files.newInputStream(path))) {
            List<CsvInput.Line> lines = CsvInput.readAll(reader);
            return lines.subList(1, lines.size()).stream().filter(line -> !line.isBlank())
                    .map(line -> line.values().get(1)).toList();
        }
    }
}
