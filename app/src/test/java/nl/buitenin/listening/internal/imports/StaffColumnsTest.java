package nl.buitenin.listening.internal.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.buitenin.listening.internal.SurveyDefinition;
import nl.buitenin.listening.internal.imports.ColumnMapping.QuestionColumns;
import nl.buitenin.platform.InvalidInputException;

/**
 * Answer imports take who served the person from a mapped staff column and team column, checked by the same rule as the
 * APIs: a name or an e-mail address as a staff reference, or a bad team, rejects its row naming the line and column; an
 * empty cell is no staff; a mapped column the file lacks is refused before any row; the mapping is proposed from plain
 * column names.
 */
class StaffColumnsTest {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    final SurveyDefinition survey = ImportFixtures.walkEvaluation(List.of());

    @Test
    void staffAndTeamAreReadAndABadCellRejectsItsRowByLineAndColumn() {
        ExportTable table = ExportTable.read(new StringReader("id,at,nps,medewerker,team\n"
                + "a,2026-03-02 10:00:00,9,mw-014,Boekingen Utrecht\n"
                + "b,2026-03-02 10:00:00,8,,\n"
                + "c,2026-03-02 10:00:00,7,jan@example.nl,Boekingen Utrecht\n"
                + "d,2026-03-02 10:00:00,7,mw-015,Boekingen {Utrecht}\n"), ExportFormat.PLAIN);
        ColumnMapping mapping = new ColumnMapping("id", "at", null, null, null, List.of(new QuestionColumns("nps", List.of("nps"))),
                "medewerker", "team");
        AnswerRows.Reading reading = new AnswerRows(table, mapping, survey, AMSTERDAM, id -> null, NOW).read();
        assertThat(reading.accepted()).extracting(ImportedResponse::responseId).containsExactly("a", "b");
        assertThat(reading.accepted().get(0).staff()).isEqualTo("mw-014");
        assertThat(reading.accepted().get(0).team()).isEqualTo("Boekingen Utrecht");
        assertThat(reading.accepted().get(1).staff()).isNull();
        assertThat(reading.accepted().get(1).team()).isNull();
        assertThat(reading.errors()).extracting(RowError::toString).containsExactly(
                "line 4, column medewerker: 'jan@example.nl' is not a pseudonymous staff reference: 1 to 64 letters, digits and . _ - "
                        + "(starting with a letter or digit; no name with spaces and no e-mail address)",
                "line 5, column team: 'Boekingen {Utrecht}' is not a team name: 1 to 100 letters, digits, spaces and . - & ' ( ) / "
                        + "(starting with a letter or digit)");
    }

    @Test
    void aStaffColumnTheFileLacksIsRefusedBeforeAnyRowAndPlainNamesAreProposed() {
        ExportTable table = ExportTable.read(new StringReader("id,at,nps,staff,team\na,2026-03-02 10:00:00,9,mw-1,Reisadvies\n"),
                ExportFormat.PLAIN);
        ColumnMapping wrong = new ColumnMapping("id", "at", null, null, null, List.of(new QuestionColumns("nps", List.of("nps"))),
                "agent", null);
        assertThatThrownBy(() -> new AnswerRows(table, wrong, survey, AMSTERDAM, id -> null, NOW))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("mapping.staff: the file has no column 'agent'");
        ColumnMapping proposed = MappingSuggestion.suggest(table, survey, null);
        assertThat(proposed.staff()).isEqualTo("staff");
        assertThat(proposed.team()).isEqualTo("team");
    }
}
