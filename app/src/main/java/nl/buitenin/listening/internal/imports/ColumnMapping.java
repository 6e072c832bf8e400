package nl.buitenin.listening.internal.imports;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Which columns of an export hold what. Columns are named as {@link ExportColumn#name()}. Without a response-id
 * column a row is recognised by its content, so importing the same file again still adds nothing. A person
 * column is optional: without one the answers are anonymous; with one it holds the organisation's customer id
 * (or a person key), which is turned into the pseudonymous person key and never stored itself.
 *
 * @param touchpoint the touchpoint the answers are about; may be empty when the survey is for exactly one
 * @param choices    how choice cells are read: by the option's text (Dutch or English) or by its position (1 = first)
 * @param staff      the column with the pseudonymous reference of the staff member who served the person; optional
 * @param team       the column with that staff member's team; optional
 */
public record ColumnMapping(String responseId, String time, String person, String touchpoint, ChoiceMatching choices,
        List<QuestionColumns> questions, @Nullable String staff, @Nullable String team) {

    /** A mapping without staff and team columns. */
    public ColumnMapping(String responseId, String time, String person, String touchpoint, ChoiceMatching choices,
            List<QuestionColumns> questions) {
        this(responseId, time, person, touchpoint, choices, questions, null, null);
    }

    public enum ChoiceMatching { LABEL, POSITION }

    /** The column(s) holding one question; several for a SurveyMonkey multiple-choice question, one per option. */
    public record QuestionColumns(String question, List<String> columns) {

        public QuestionColumns {
            columns = columns == null ? List.of() : columns.stream().filter(c -> c != null && !c.isBlank()).toList();
        }
    }

    public ColumnMapping {
        responseId = blankToNull(responseId);
        time = blankToNull(time);
        person = blankToNull(person);
        touchpoint = blankToNull(touchpoint);
        staff = blankToNull(staff);
        team = blankToNull(team);
        choices = choices == null ? ChoiceMatching.LABEL : choices;
        questions = questions == null ? List.of() : List.copyOf(questions);
    }

    public Optional<QuestionColumns> columnsOf(String question) {
        return questions.stream().filter(q -> q.question().equals(question)).findFirst();
    }

    /** The columns mapped to a question; empty when none. */
    public List<String> columnsFor(String question) {
        return columnsOf(question).map(QuestionColumns::columns).orElse(List.of());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
