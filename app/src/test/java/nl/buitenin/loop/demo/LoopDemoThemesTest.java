package nl.buitenin.loop.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The demo's themes carry the same five example phrases as insight's development taxonomy, so that a suggester
 * measured on the development sets starts from the same phrases in the demo.
 */
class LoopDemoThemesTest {

    @Test
    void everyDemoThemeHasTheFiveExamplePhrasesOfTheDevelopmentTaxonomy() throws Exception {
        Map<String, List<String>> taxonomy = new HashMap<>();
        try (Reader reader = new InputStreamReader(LoopDemoThemesTest.class.getResourceAsStream("/nl/buitenin/insight/devsets/taxonomy.csv"),
                StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.builder().setReader(reader)
                        .setFormat(CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            for (CSVRecord row : parser) {
                taxonomy.put(row.get("theme"), List.of(row.get("examples").split(";")));
            }
        }
        assertThat(LoopDemo.THEMES).hasSize(6).allSatisfy(theme -> {
            assertThat(theme.examples()).hasSize(5);
            assertThat(theme.examples()).as(theme.nl()).isEqualTo(taxonomy.get(theme.nl()));
        });
    }
}
