package nl.buitenin.listening.internal.imports;

import java.util.List;

/**
 * The CSV shapes other survey tools export. Each knows how many header rows it has and which of its own
 * columns hold the response id and the moment the answers were given, so a mapping can be suggested.
 */
public enum ExportFormat {
    /** Qualtrics "CSV" with choice text: column ids, question texts, then a row of {"ImportId":...}. */
    QUALTRICS(3, List.of("ResponseId"), List.of("RecordedDate", "EndDate", "StartDate")),
    /** SurveyMonkey "All individual responses", actual answer text: question texts, then option / "Response". */
    SURVEYMONKEY(2, List.of("Respondent ID"), List.of("End Date", "Start Date")),
    /** Google Forms "Download responses (.csv)": one header row, multiple choice joined with ", ". */
    GOOGLEFORMS(1, List.of(), List.of("Timestamp", "Tijdstempel")),
    /** A plain CSV with one header row, such as a spreadsheet of answers. */
    PLAIN(1, List.of("ResponseId", "responseId", "response_id", "id"), List.of("at", "time", "date", "Timestamp"));

    private final int headerRows;
    private final List<String> responseIdColumns;
    private final List<String> timeColumns;

    ExportFormat(int headerRows, List<String> responseIdColumns, List<String> timeColumns) {
        this.headerRows = headerRows;
        this.responseIdColumns = responseIdColumns;
        this.timeColumns = timeColumns;
    }

    public int headerRows() {
        return headerRows;
    }

    /** The tool's own response id columns, most specific first. */
    public List<String> responseIdColumns() {
        return responseIdColumns;
    }

    /** The tool's time columns, the moment of completion first. */
    public List<String> timeColumns() {
        return timeColumns;
    }

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Reads {@code qualtrics}, {@code surveymonkey}, {@code googleforms} or {@code plain}. */
    public static ExportFormat of(String code) {
        for (ExportFormat format : values()) {
            if (format.code().equalsIgnoreCase(code == null ? "" : code.strip())) {
                return format;
            }
        }
        throw nl.buitenin.platform.InvalidInputException.of("format", "listening.invalid.import.format");
    }
}
