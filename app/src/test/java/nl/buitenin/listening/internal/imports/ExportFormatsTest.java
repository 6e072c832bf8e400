package nl.buitenin.listening.internal.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.buitenin.listening.internal.SurveyDefinition;
import nl.buitenin.listening.internal.imports.ColumnMapping.QuestionColumns;
import nl.buitenin.platform.InvalidInputException;

/**
 * Each tool's export, written by hand in that tool's shape, is read into exactly the answers the file holds.
 * The expected values below are copied from the files, not from the code's output.
 */
class ExportFormatsTest {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    /** After every answer in the fixtures. */
    static final java.time.Instant NOW = java.time.Instant.parse("2026-12-01T00:00:00Z");
    final SurveyDefinition survey = ImportFixtures.walkEvaluation(List.of());

    AnswerRows.Reading read(String file, ExportFormat format) {
        ExportTable table = ExportTable.read(ImportFixtures.reader(file), format);
        ColumnMapping mapping = MappingSuggestion.suggest(table, survey, null);
        return new AnswerRows(table, mapping, survey, AMSTERDAM, id -> {
            throw new AssertionError("no person column is mapped");
        }, NOW).read();
    }

    @Test
    void suggestsQualtricsColumnsFromTheQuestionTextsAndSkipsTheNpsGroup() {
        ExportTable table = ExportTable.read(ImportFixtures.reader("qualtrics-fabricated.csv"), ExportFormat.QUALTRICS);
        ColumnMapping mapping = MappingSuggestion.suggest(table, survey, null);
        assertThat(mapping.responseId()).isEqualTo("ResponseId");
        assertThat(mapping.time()).isEqualTo("RecordedDate");
        assertThat(mapping.person()).isNull();
        assertThat(mapping.questions()).containsExactly(new QuestionColumns("nps", List.of("Q1")), new QuestionColumns("tempo", List.of("Q2")),
                new QuestionColumns("gebruikt", List.of("Q3")), new QuestionColumns("beter", List.of("Q4")));
        assertThat(table.timeZoneOf("RecordedDate")).contains(AMSTERDAM);
    }

    @Test
    void readsQualtricsAnswersAndSkipsTheUnfinishedResponse() {
        AnswerRows.Reading reading = read("qualtrics-fabricated.csv", ExportFormat.QUALTRICS);
        assertThat(reading.errors()).isEmpty();
        assertThat(reading.skipped()).isEqualTo(1);
        assertThat(reading.accepted()).extracting(ImportedResponse::responseId)
                .containsExactly("R_FAKE0000000001", "R_FAKE0000000002", "R_FAKE0000000003", "R_FAKE0000000005");
        ImportedResponse first = reading.accepted().get(0);
        assertThat(first.line()).isEqualTo(4);
        // 2026-03-02 09:14:41 in Amsterdam (CET, UTC+1)
        assertThat(first.at()).isEqualTo(Instant.parse("2026-03-02T08:14:41Z"));
        assertThat(first.answers()).isEqualTo(Map.of("nps", List.of("9"), "tempo", List.of("goed"), "gebruikt", List.of("gids", "lunch"),
                "beter", List.of("More rest stops on day two.")));
        assertThat(reading.accepted().get(1).answers()).isEqualTo(Map.of("nps", List.of("10"), "tempo", List.of("te-snel"),
                "gebruikt", List.of("bagage")));
        ImportedResponse third = reading.accepted().get(2);
        assertThat(third.answers().get("beter")).containsExactly("The hotel was noisy, \"really\" noisy.\nAnd the map of day three was wrong.");
        // The answer of the third row spans two lines, so the fifth response starts on line 9.
        ImportedResponse fifth = reading.accepted().get(3);
        assertThat(fifth.line()).isEqualTo(9);
        // 2026-07-01 20:05:01 in Amsterdam (CEST, UTC+2); "Goed" is the Dutch text of the option
        assertThat(fifth.at()).isEqualTo(Instant.parse("2026-07-01T18:05:01Z"));
        assertThat(fifth.answers()).isEqualTo(Map.of("nps", List.of("7"), "tempo", List.of("goed"), "gebruikt", List.of("gids")));
    }

    @Test
    void readsSurveyMonkeyMultipleChoiceSpreadOverColumns() {
        ExportTable table = ExportTable.read(ImportFixtures.reader("surveymonkey-fabricated.csv"), ExportFormat.SURVEYMONKEY);
        ColumnMapping mapping = MappingSuggestion.suggest(table, survey, null);
        assertThat(mapping.responseId()).isEqualTo("Respondent ID");
        assertThat(mapping.time()).isEqualTo("End Date");
        assertThat(mapping.columnsOf("gebruikt").orElseThrow().columns()).containsExactly("Wat heeft u onderweg gebruikt? / Gids",
                "Wat heeft u onderweg gebruikt? / Bagagevervoer", "Wat heeft u onderweg gebruikt? / Lunchpakket, met soep");

        AnswerRows.Reading reading = read("surveymonkey-fabricated.csv", ExportFormat.SURVEYMONKEY);
        assertThat(reading.errors()).isEmpty();
        assertThat(reading.accepted()).hasSize(3);
        ImportedResponse first = reading.accepted().get(0);
        assertThat(first.responseId()).isEqualTo("114000000001");
        assertThat(first.line()).isEqualTo(3);
        assertThat(first.at()).isEqualTo(Instant.parse("2026-03-02T08:14:40Z"));
        assertThat(first.answers()).isEqualTo(Map.of("nps", List.of("8"), "tempo", List.of("goed"), "gebruikt", List.of("gids", "lunch"),
                "beter", List.of("Meer bankjes onderweg.")));
        ImportedResponse second = reading.accepted().get(1);
        // 01:02:05 PM is 13:02:05 in Amsterdam
        assertThat(second.at()).isEqualTo(Instant.parse("2026-03-02T12:02:05Z"));
        assertThat(second.answers()).isEqualTo(Map.of("nps", List.of("10"), "tempo", List.of("te-snel"), "gebruikt", List.of("bagage")));
        assertThat(reading.accepted().get(2).answers()).isEqualTo(Map.of("nps", List.of("2"), "tempo", List.of("te-langzaam"),
                "beter", List.of("De gids was elke ochtend te laat.")));
    }

    @Test
    void readsGoogleFormsChoicesJoinedWithCommasAndTheZoneOfTheTimestamp() {
        AnswerRows.Reading reading = read("googleforms-fabricated.csv", ExportFormat.GOOGLEFORMS);
        assertThat(reading.errors()).isEmpty();
        assertThat(reading.accepted()).hasSize(3);
        ImportedResponse first = reading.accepted().get(0);
        assertThat(first.at()).isEqualTo(Instant.parse("2026-03-02T08:14:40Z"));
        assertThat(first.answers()).isEqualTo(Map.of("nps", List.of("9"), "tempo", List.of("goed"), "gebruikt", List.of("gids", "lunch"),
                "beter", List.of("More rest stops")));
        assertThat(reading.accepted().get(1).at()).isEqualTo(Instant.parse("2026-03-02T21:02:03Z"));
        assertThat(reading.accepted().get(1).answers()).isEqualTo(Map.of("nps", List.of("0"), "tempo", List.of("te-snel"),
                "beter", List.of("Everything, honestly.")));
        assertThat(reading.accepted().get(2).at()).isEqualTo(Instant.parse("2026-07-01T06:05:00Z"));
        assertThat(reading.accepted().get(2).answers().get("gebruikt")).containsExactly("bagage", "gids");
        // Without a response id a row is known by its content: the same row gives the same id, other rows another.
        assertThat(reading.accepted().get(0).responseId()).startsWith("row-")
                .isEqualTo(read("googleforms-fabricated.csv", ExportFormat.GOOGLEFORMS).accepted().get(0).responseId())
                .isNotEqualTo(reading.accepted().get(1).responseId());
    }

    @Test
    void namesEveryBadValueByLineAndColumn() {
        ExportTable table = ExportTable.read(ImportFixtures.reader("plain-with-errors-fabricated.csv"), ExportFormat.PLAIN);
        ColumnMapping mapping = new ColumnMapping("responseId", "at", null, null, null, List.of(new QuestionColumns("nps", List.of("nps")),
                new QuestionColumns("tempo", List.of("tempo")), new QuestionColumns("beter", List.of("beter"))));
        AnswerRows.Reading reading = new AnswerRows(table, mapping, survey, AMSTERDAM, id -> null, NOW).read();
        assertThat(reading.errors()).extracting(RowError::toString).containsExactly(
                "line 3, column nps: 12 is outside 0–10",
                "line 4, column tempo: 'misschien' is not one of the options (te langzaam / too slow, goed / right, te snel / too fast)",
                "line 5, column nps: needs an answer",
                "line 6, column at: 'gisteren' is not a time this tool writes");
        assertThat(reading.rejectedRows()).isEqualTo(4);
        assertThat(reading.accepted()).extracting(ImportedResponse::responseId).containsExactly("p-1", "p-6");
    }

    @Test
    void readsChoicesByPositionWhenAskedTo() {
        ExportTable table = ExportTable.read(new java.io.StringReader("id,at,nps,tempo\na,2026-03-02 10:00:00,4,3\nb,2026-03-02 10:00:00,4,4\n"),
                ExportFormat.PLAIN);
        ColumnMapping mapping = new ColumnMapping("id", "at", null, null, ColumnMapping.ChoiceMatching.POSITION,
                List.of(new QuestionColumns("nps", List.of("nps")), new QuestionColumns("tempo", List.of("tempo"))));
        AnswerRows.Reading reading = new AnswerRows(table, mapping, survey, AMSTERDAM, id -> null, NOW).read();
        assertThat(reading.accepted().get(0).answers().get("tempo")).containsExactly("te-snel");
        assertThat(reading.errors()).extracting(RowError::toString).containsExactly("line 3, column tempo: '4' is not an option number from 1 to 3");
    }

    @Test
    void refusesAMappingWithAColumnTheFileLacksOrWithoutTheRequiredQuestion() {
        ExportTable table = ExportTable.read(ImportFixtures.reader("plain-with-errors-fabricated.csv"), ExportFormat.PLAIN);
        ColumnMapping mapping = new ColumnMapping("responseId", "when", null, null, null, List.of(new QuestionColumns("tempo", List.of("tempo"))));
        assertThatThrownBy(() -> new AnswerRows(table, mapping, survey, AMSTERDAM, id -> null, NOW))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("mapping.time: the file has no column 'when'")
                .hasMessageContaining("mapping.questions.nps: is a required question");
    }

    @Test
    void refusesAQualtricsFileWithoutItsThreeHeaderRows() {
        assertThatThrownBy(() -> ExportTable.read(new java.io.StringReader("Q1,Q2\n"), ExportFormat.QUALTRICS))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("3 header row(s); this file has 1");
    }
}
