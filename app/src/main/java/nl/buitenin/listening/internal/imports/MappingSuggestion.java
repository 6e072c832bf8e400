package nl.buitenin.listening.internal.imports;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import nl.buitenin.listening.internal.SurveyDefinition;
import nl.buitenin.listening.internal.SurveyQuestion;
import nl.buitenin.listening.internal.imports.ColumnMapping.QuestionColumns;

/**
 * Proposes a mapping from an export's header: the tool's own id and time columns, and for each question the
 * column(s) whose question text matches the Dutch or English text best. A mapping saved earlier for the same
 * survey and tool is reused for the columns the file still has. The user corrects the proposal before importing.
 */
public final class MappingSuggestion {

    /** Below this word overlap a column is not proposed for a question. */
    static final double MINIMUM_SIMILARITY = 0.5;

    private MappingSuggestion() {
    }

    public static ColumnMapping suggest(ExportTable table, SurveyDefinition survey, ColumnMapping saved) {
        if (saved != null && fits(saved, table)) {
            return saved;
        }
        String responseId = firstPresent(table, table.format().responseIdColumns());
        String time = firstPresent(table, table.format().timeColumns());
        List<QuestionColumns> questions = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        taken.add(responseId);
        taken.add(time);
        for (SurveyQuestion question : survey.questions()) {
            List<String> columns = bestColumns(table, question, taken);
            taken.addAll(columns);
            questions.add(new QuestionColumns(question.key(), columns));
        }
        // Staff and team columns are proposed only by their plain names; an export tool has no standard for them.
        String staff = firstPresent(table, List.of("staff", "medewerker", "Staff", "Medewerker"));
        String team = firstPresent(table, List.of("team", "Team"));
        return new ColumnMapping(responseId, time, null, null, ColumnMapping.ChoiceMatching.LABEL, questions, staff, team);
    }

    private static boolean fits(ColumnMapping saved, ExportTable table) {
        List<String> named = new ArrayList<>();
        named.add(saved.responseId());
        named.add(saved.time());
        named.add(saved.person());
        named.add(saved.staff());
        named.add(saved.team());
        saved.questions().forEach(q -> named.addAll(q.columns()));
        return named.stream().filter(n -> n != null).allMatch(n -> table.column(n).isPresent());
    }

    private static String firstPresent(ExportTable table, List<String> candidates) {
        return candidates.stream().filter(c -> table.column(c).isPresent()).findFirst().orElse(null);
    }

    /** The best matching column, and for SurveyMonkey also the option columns that share its question text. */
    private static List<String> bestColumns(ExportTable table, SurveyQuestion question, Set<String> taken) {
        ExportColumn best = null;
        double bestScore = MINIMUM_SIMILARITY;
        for (ExportColumn column : table.columns()) {
            if (taken.contains(column.name()) || isDerived(table.format(), column)) {
                continue;
            }
            // A column named after the question's key (a plain file, or one exported from Buitenin) is the surest match.
            double score = column.name().equalsIgnoreCase(question.key()) ? 1.01
                    : Math.max(similarity(column.label(), question.text().nl()), similarity(column.label(), question.text().en()));
            if (score > bestScore) {
                best = column;
                bestScore = score;
            }
        }
        if (best == null) {
            return List.of();
        }
        if (table.format() == ExportFormat.SURVEYMONKEY && !best.detail().isEmpty()) {
            String label = best.label();
            return table.columns().stream().filter(c -> c.label().equals(label) && !c.detail().isEmpty() && !taken.contains(c.name()))
                    .map(ExportColumn::name).toList();
        }
        return List.of(best.name());
    }

    /** Columns Qualtrics derives from a question (the NPS group, the text of "other"), never the answer itself. */
    private static boolean isDerived(ExportFormat format, ExportColumn column) {
        return format == ExportFormat.QUALTRICS && (column.name().endsWith("_NPS_GROUP") || column.name().endsWith("_TEXT"));
    }

    /** Word overlap (Jaccard) of two texts after folding case, accents and punctuation; 1 for equal texts. */
    static double similarity(String a, String b) {
        Set<String> left = words(a);
        Set<String> right = words(b);
        if (left.isEmpty() || right.isEmpty()) {
            return 0;
        }
        Set<String> common = new HashSet<>(left);
        common.retainAll(right);
        Set<String> all = new HashSet<>(left);
        all.addAll(right);
        return (double) common.size() / all.size();
    }

    private static Set<String> words(String text) {
        String folded = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
        return folded.isEmpty() ? Set.of() : new HashSet<>(Arrays.asList(folded.split(" ")));
    }
}
