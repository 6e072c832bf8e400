package nl.buitenin.listening.internal.imports;

import java.io.StringReader;
import java.time.ZoneId;
import java.util.List;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

import nl.buitenin.listening.internal.SurveyDefinition;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.testing.FuzzInput;

/**
 * An uploaded answers export goes through everything the import checks before writing: the file is read in the
 * chosen tool's shape, a mapping is proposed from its header, and every row is turned into answers to the survey.
 * Any file ends in answers, row errors or the import's own refusal. The first byte chooses the tool (and whether
 * choices are read by position), the rest is the file; the exports in {@code src/test/resources/imports} are
 * kept as inputs.
 */
class AnswerImportFuzzTest {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    static final SurveyDefinition SURVEY = ImportFixtures.walkEvaluation(List.of());
    static final PersonKey SOMEONE = new PersonKey("p_abcdefghijklmnopqrstuvwxyz");
    static final java.time.Instant LATEST = java.time.Instant.parse("2026-12-01T00:00:00Z");

    @FuzzTest(maxDuration = "5s")
    @DictionaryEntries({"ResponseId", "RecordedDate", "Finished", "{\"ImportId\":", "\"timeZone\":\"Europe/Amsterdam\"", "Respondent ID",
            "End Date", "Response", "Timestamp", "Tijdstempel", "Het tempo was", "te langzaam", "Gids", "Lunchpakket, met soep",
            "Hoe waarschijnlijk is het dat u ons aanbeveelt?", "10 - Extremely likely", "2026-03-01 10:15:00", "2026-03-01T10:15:00Z",
            "nps", "tempo", "gebruikt", "beter", "staff", "team", "mw-014", ",", "\\\"", "\\r\\n", "\\xEF\\xBB\\xBF"})
    void everyExportEndsInAnswersRowErrorsOrAClearRefusal(byte[] input) {
        int choice = FuzzInput.choice(input);
        ExportFormat format = ExportFormat.values()[choice % ExportFormat.values().length];
        try {
            ExportTable table = ExportTable.read(new StringReader(FuzzInput.text(input)), format);
            ColumnMapping suggested = MappingSuggestion.suggest(table, SURVEY, null);
            ColumnMapping mapping = (choice & 0x10) == 0 ? suggested
                    : new ColumnMapping(suggested.responseId(), suggested.time(), firstColumn(table), null,
                            ColumnMapping.ChoiceMatching.POSITION, suggested.questions());
            AnswerRows.Reading reading = new AnswerRows(table, mapping, SURVEY, AMSTERDAM, id -> SOMEONE, LATEST).read();
            for (RowError error : reading.errors()) {
                FuzzInput.assertClear("line " + error.line(), error.key(), error.message());
            }
        } catch (InvalidInputException refusal) {
            FuzzInput.assertClear(refusal);
        }
    }

    private static String firstColumn(ExportTable table) {
        return table.columns().isEmpty() ? null : table.columns().get(0).name();
    }
}
