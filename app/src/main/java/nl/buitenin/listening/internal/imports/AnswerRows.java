package nl.buitenin.listening.internal.imports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.buitenin.journey.StaffFields;
import nl.buitenin.listening.QuestionType;
import nl.buitenin.listening.internal.AnswerOption;
import nl.buitenin.listening.internal.SurveyDefinition;
import nl.buitenin.listening.internal.SurveyQuestion;
import nl.buitenin.listening.internal.answers.AnswerSheet;
import nl.buitenin.listening.internal.imports.ColumnMapping.QuestionColumns;
import nl.buitenin.platform.CsvInput;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.RecordedTimes;
import nl.buitenin.privacy.PersonKey;

/**
 * Turns the rows of an export into answers to a survey through a mapping. Every value that cannot be taken is
 * reported with its line and column; a row with any such value is rejected as a whole. Rows Qualtrics marks as
 * not finished are skipped, not rejected: the person left before the end.
 */
public final class AnswerRows {

    public static final int MAX_RESPONSE_ID = 120;
    /** A score, possibly followed by the tool's label for it: "10 - Extremely likely", "0 = Not at all". */
    private static final Pattern SCORE = Pattern.compile("(-?\\d+)(\\s*[-–=:].*)?");

    private final ExportTable table;
    private final ColumnMapping mapping;
    private final SurveyDefinition survey;
    private final ZoneId zone;
    private final Function<String, PersonKey> personOf;
    private final Instant now;

    /** What came of reading: the rows to record, the rows rejected (by their errors) and the number skipped. */
    public record Reading(List<ImportedResponse> accepted, List<RowError> errors, int rejectedRows, int skipped) {

        public Reading {
            accepted = List.copyOf(accepted);
            errors = List.copyOf(errors);
        }
    }

    /**
     * @param zone     the organisation's time zone, for times the export writes without one
     * @param personOf turns a customer id into its pseudonymous key (stores nothing)
     * @param now      the current time: answers later than now, or before 2000, are refused ({@link RecordedTimes}, as in the API)
     */
    public AnswerRows(ExportTable table, ColumnMapping mapping, SurveyDefinition survey, ZoneId zone, Function<String, PersonKey> personOf,
            Instant now) {
        this.table = table;
        this.mapping = mapping;
        this.survey = survey;
        this.zone = zone;
        this.personOf = personOf;
        this.now = now;
        checkMapping();
    }

    public Reading read() {
        List<ImportedResponse> accepted = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        int rejected = 0;
        int skipped = 0;
        for (ExportRow row : table.rows()) {
            if (isUnfinished(row)) {
                skipped++;
                continue;
            }
            List<RowError> rowErrors = new ArrayList<>();
            if (row.values().size() != table.columns().size()) {
                // A row with more fields than the header holds values no column names; with fewer, answers have shifted.
                rowErrors.add(RowError.of(row.line(), null, CsvInput.fieldCount(new CsvInput.Line(row.line(), row.values()),
                        table.columns().size())));
            }
            Optional<ImportedResponse> response = rowErrors.isEmpty() ? read(row, rowErrors) : Optional.empty();
            if (rowErrors.isEmpty() && response.isPresent()) {
                accepted.add(response.get());
            } else {
                rejected++;
                errors.addAll(rowErrors);
            }
        }
        return new Reading(accepted, errors, rejected, skipped);
    }

    /** A mapping that names a column the file lacks, or leaves a required question without one, is refused before any row. */
    private void checkMapping() {
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        if (mapping.time() == null) {
            errors.add(InvalidInputException.FieldError.of("mapping.time", "listening.invalid.import.time"));
        }
        requireColumn("mapping.time", mapping.time(), errors);
        requireColumn("mapping.responseId", mapping.responseId(), errors);
        requireColumn("mapping.person", mapping.person(), errors);
        requireColumn("mapping.staff", mapping.staff(), errors);
        requireColumn("mapping.team", mapping.team(), errors);
        for (QuestionColumns columns : mapping.questions()) {
            Optional<SurveyQuestion> question = survey.question(columns.question());
            String field = "mapping.questions." + columns.question();
            if (question.isEmpty()) {
                errors.add(InvalidInputException.FieldError.of(field, "listening.invalid.notAQuestion"));
                continue;
            }
            columns.columns().forEach(c -> requireColumn(field, c, errors));
            if (columns.columns().size() > 1 && question.get().type() != QuestionType.MULTIPLE_CHOICE) {
                errors.add(InvalidInputException.FieldError.of(field, "listening.invalid.import.severalColumns"));
            }
        }
        for (SurveyQuestion question : survey.questions()) {
            boolean mapped = mapping.columnsOf(question.key()).map(c -> !c.columns().isEmpty()).orElse(false);
            if (question.required() && !mapped) {
                errors.add(InvalidInputException.FieldError.of("mapping.questions." + question.key(),
                        "listening.invalid.import.required"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private void requireColumn(String field, String column, List<InvalidInputException.FieldError> errors) {
        if (column != null && table.column(column).isEmpty()) {
            errors.add(InvalidInputException.FieldError.of(field, "listening.invalid.import.noColumn", column));
        }
    }

    private boolean isUnfinished(ExportRow row) {
        if (table.format() != ExportFormat.QUALTRICS) {
            return false;
        }
        return table.column("Finished").map(row::value).map(v -> v.equalsIgnoreCase("false") || v.equals("0")).orElse(false);
    }

    private Optional<ImportedResponse> read(ExportRow row, List<RowError> errors) {
        String responseId = responseId(row, errors);
        Instant at = time(row, errors);
        PersonKey person = person(row, errors);
        String staff = staffCell(row, mapping.staff(), StaffFields::staffError, errors);
        String team = staffCell(row, mapping.team(), StaffFields::teamError, errors);
        Map<String, List<String>> answers = new LinkedHashMap<>();
        for (QuestionColumns columns : mapping.questions()) {
            SurveyQuestion question = survey.question(columns.question()).orElseThrow();
            List<ExportColumn> cells = columns.columns().stream().map(c -> table.column(c).orElseThrow()).toList();
            List<String> values = values(question, cells, row, errors);
            if (!values.isEmpty()) {
                answers.put(question.key(), values);
            }
        }
        if (!errors.isEmpty()) {
            return Optional.empty();
        }
        try {
            AnswerSheet.read(survey, answers, true);
        } catch (InvalidInputException e) {
            e.errors().forEach(error -> errors.add(RowError.of(row.line(), columnsOf(error.field()), error)));
            return Optional.empty();
        }
        return Optional.of(new ImportedResponse(row.line(), responseId, at, person, answers, staff, team));
    }

    /** A staff reference or team cell checked by the rule all ways in share; an error names the line and the column. */
    private String staffCell(ExportRow row, String column, java.util.function.BiFunction<String, String,
            Optional<InvalidInputException.FieldError>> check, List<RowError> errors) {
        if (column == null) {
            return null;
        }
        String value = row.value(table.column(column).orElseThrow());
        Optional<InvalidInputException.FieldError> error = check.apply(column, value);
        if (error.isPresent()) {
            errors.add(RowError.of(row.line(), column, error.get()));
            return null;
        }
        return StaffFields.given(value);
    }

    private String columnsOf(String questionKey) {
        return mapping.columnsOf(questionKey).filter(c -> !c.columns().isEmpty()).map(c -> String.join(" + ", c.columns()))
                .orElse(questionKey);
    }

    private String responseId(ExportRow row, List<RowError> errors) {
        if (mapping.responseId() == null) {
            return "row-" + fingerprint(row);
        }
        String id = row.value(table.column(mapping.responseId()).orElseThrow());
        if (id.isEmpty()) {
            errors.add(RowError.of(row.line(), mapping.responseId(), "listening.invalid.import.responseIdEmpty"));
        } else if (id.length() > MAX_RESPONSE_ID) {
            errors.add(RowError.of(row.line(), mapping.responseId(), "listening.invalid.import.responseIdLong", MAX_RESPONSE_ID));
        }
        return id;
    }

    /** Rows without an id are known by their content, so the same row imported twice is still recognised. */
    private static String fingerprint(ExportRow row) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String value : row.values()) {
                digest.update(value.strip().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Instant time(ExportRow row, List<RowError> errors) {
        String text = row.value(table.column(mapping.time()).orElseThrow());
        if (text.isEmpty()) {
            errors.add(RowError.of(row.line(), mapping.time(), "listening.invalid.import.timeEmpty"));
            return null;
        }
        ZoneId written = table.timeZoneOf(mapping.time()).orElse(zone);
        Optional<Instant> at = ExportTimes.parse(text, written);
        if (at.isEmpty()) {
            errors.add(RowError.of(row.line(), mapping.time(), "listening.invalid.import.timeForm", shorten(text)));
            return null;
        }
        Optional<InvalidInputException.FieldError> outOfBounds = RecordedTimes.check(mapping.time(), at.get(), shorten(text), now);
        if (outOfBounds.isPresent()) {
            errors.add(RowError.of(row.line(), mapping.time(), outOfBounds.get()));
            return null;
        }
        return at.get();
    }

    private PersonKey person(ExportRow row, List<RowError> errors) {
        if (mapping.person() == null) {
            return null;
        }
        String value = row.value(table.column(mapping.person()).orElseThrow());
        if (value.isEmpty()) {
            return null;
        }
        return PersonKey.isValid(value) ? new PersonKey(value) : personOf.apply(value);
    }

    private List<String> values(SurveyQuestion question, List<ExportColumn> cells, ExportRow row, List<RowError> errors) {
        QuestionType type = question.type();
        if (type == QuestionType.MULTIPLE_CHOICE) {
            return multipleChoice(question, cells, row, errors);
        }
        if (cells.isEmpty()) {
            return List.of();
        }
        ExportColumn column = cells.get(0);
        String text = row.value(column);
        if (text.isEmpty()) {
            return List.of();
        }
        if (type.isScale()) {
            Matcher score = SCORE.matcher(text);
            // A number too large for an int is no score either (found by AnswerImportFuzzTest).
            if (!score.matches() || score.group(1).replaceFirst("^-?0*", "").length() > 9) {
                errors.add(RowError.of(row.line(), column.name(), "listening.invalid.import.score", shorten(text), type.min(), type.max()));
                return List.of();
            }
            int value = Integer.parseInt(score.group(1));
            if (value < type.min() || value > type.max()) {
                errors.add(RowError.of(row.line(), column.name(), "listening.invalid.import.outside", value, type.min(), type.max()));
                return List.of();
            }
            return List.of(Integer.toString(value));
        }
        if (type == QuestionType.SINGLE_CHOICE) {
            Optional<AnswerOption> option = option(question, text);
            if (option.isEmpty()) {
                errors.add(notAnOption(row.line(), column.name(), question, text));
                return List.of();
            }
            return List.of(option.get().value());
        }
        return List.of(text);
    }

    /**
     * SurveyMonkey spreads the options over columns (the cell holds the option's text when chosen); Qualtrics
     * and Google Forms put them in one cell, joined by commas. Option texts may themselves contain a comma, so
     * the cell is split where the pieces form known options.
     */
    private List<String> multipleChoice(SurveyQuestion question, List<ExportColumn> cells, ExportRow row, List<RowError> errors) {
        Set<String> chosen = new LinkedHashSet<>();
        for (ExportColumn column : cells) {
            String text = row.value(column);
            if (text.isEmpty()) {
                continue;
            }
            if (cells.size() > 1) {
                Optional<AnswerOption> option = option(question, text).or(() -> option(question, column.detail()));
                if (option.isEmpty()) {
                    errors.add(notAnOption(row.line(), column.name(), question, text));
                } else {
                    chosen.add(option.get().value());
                }
                continue;
            }
            String[] parts = text.split(",");
            int i = 0;
            while (i < parts.length) {
                int matchedUpTo = -1;
                AnswerOption matched = null;
                for (int j = parts.length - 1; j >= i && matched == null; j--) {
                    String candidate = String.join(",", java.util.Arrays.copyOfRange(parts, i, j + 1)).strip();
                    Optional<AnswerOption> option = option(question, candidate);
                    if (option.isPresent()) {
                        matched = option.get();
                        matchedUpTo = j;
                    }
                }
                if (matched == null) {
                    errors.add(notAnOption(row.line(), column.name(), question, parts[i].strip()));
                    break;
                }
                chosen.add(matched.value());
                i = matchedUpTo + 1;
            }
        }
        return List.copyOf(chosen);
    }

    private Optional<AnswerOption> option(SurveyQuestion question, String text) {
        String wanted = text.strip();
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        if (mapping.choices() == ColumnMapping.ChoiceMatching.POSITION) {
            try {
                int position = Integer.parseInt(wanted);
                return position >= 1 && position <= question.options().size() ? Optional.of(question.options().get(position - 1)) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        String folded = wanted.toLowerCase(Locale.ROOT);
        return question.options().stream()
                .filter(o -> o.value().equals(wanted) || o.text().nl().toLowerCase(Locale.ROOT).equals(folded)
                        || o.text().en().toLowerCase(Locale.ROOT).equals(folded))
                .findFirst();
    }

    private RowError notAnOption(long line, String column, SurveyQuestion question, String text) {
        if (mapping.choices() == ColumnMapping.ChoiceMatching.POSITION) {
            return RowError.of(line, column, "listening.invalid.import.optionNumber", shorten(text), question.options().size());
        }
        return RowError.of(line, column, "listening.invalid.import.notAnOption", shorten(text), String.join(", ", question.options().stream()
                .map(o -> o.text().nl() + " / " + o.text().en()).toList()));
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
