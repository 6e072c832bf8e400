package nl.buitenin.listening.internal.imports;

import java.io.Reader;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.buitenin.platform.CsvInput;
import nl.buitenin.platform.InvalidInputException;

/**
 * An export read into columns and rows, its header rows understood per tool. Line numbers are those a text
 * editor shows (the first header line is 1), also when an answer spans several lines.
 */
public record ExportTable(ExportFormat format, List<ExportColumn> columns, List<ExportRow> rows, Map<String, ZoneId> timeZones) {

    public static final int MAX_ROWS = 200_000;
    private static final Pattern TIME_ZONE = Pattern.compile("\"timeZone\"\\s*:\\s*\"([^\"]+)\"");
    private static final Set<String> SURVEYMONKEY_SINGLE = Set.of("response", "open-ended response", "");

    public ExportTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        timeZones = Map.copyOf(timeZones);
    }

    public Optional<ExportColumn> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The time zone the tool wrote a time column in, when the export says so (Qualtrics does). */
    public Optional<ZoneId> timeZoneOf(String column) {
        return Optional.ofNullable(timeZones.get(column));
    }

    /**
     * Reads an export through {@link CsvInput}, like every import: a byte order mark is fine, broken quotes are refused
     * naming the line. A header name given twice (or none) is told apart by its position ({@code Q3 #7}), since a tool
     * may print the same question text twice; the mapping then names the column to read.
     */
    public static ExportTable read(Reader reader, ExportFormat format) {
        List<List<String>> header = new ArrayList<>();
        List<ExportRow> rows = new ArrayList<>();
        CsvInput.read(reader, line -> {
            if (header.size() < format.headerRows()) {
                header.add(line.values());
                return;
            }
            ExportRow row = new ExportRow(line.number(), line.values());
            if (!row.isBlank()) {
                rows.add(row);
            }
            if (rows.size() > MAX_ROWS) {
                throw InvalidInputException.of("file", "listening.invalid.import.tooManyRows", MAX_ROWS);
            }
        });
        if (header.size() < format.headerRows()) {
            throw InvalidInputException.of("file", "listening.invalid.import.headerRows", format.code(), format.headerRows(),
                    header.size());
        }
        return build(format, header, rows);
    }

    private static ExportTable build(ExportFormat format, List<List<String>> header, List<ExportRow> rows) {
        List<String> first = header.get(0);
        List<ExportColumn> columns = new ArrayList<>();
        Map<String, ZoneId> zones = new HashMap<>();
        Set<String> names = new HashSet<>();
        String carried = "";
        for (int i = 0; i < first.size(); i++) {
            String top = first.get(i).strip();
            ExportColumn column = switch (format) {
                case QUALTRICS -> new ExportColumn(i, top, cell(header, 1, i), "");
                case SURVEYMONKEY -> {
                    // A multiple-choice question names itself once, above its first option; the options follow with an empty top cell.
                    carried = top.isEmpty() ? carried : top;
                    String second = cell(header, 1, i);
                    boolean single = SURVEYMONKEY_SINGLE.contains(second.toLowerCase(java.util.Locale.ROOT));
                    yield new ExportColumn(i, single ? carried : carried + " / " + second, carried, single ? "" : second);
                }
                case GOOGLEFORMS, PLAIN -> new ExportColumn(i, top, top, "");
            };
            if (column.name().isEmpty() || !names.add(column.name())) {
                // Names must be unique to be mapped; a repeated or empty header is told apart by its position.
                column = new ExportColumn(i, column.name() + " #" + (i + 1), column.label(), column.detail());
                names.add(column.name());
            }
            columns.add(column);
            if (format == ExportFormat.QUALTRICS) {
                Matcher zone = TIME_ZONE.matcher(cell(header, 2, i));
                if (zone.find()) {
                    try {
                        zones.put(column.name(), ZoneId.of(zone.group(1)));
                    } catch (DateTimeException e) {
                        throw InvalidInputException.of("line 3, column " + column.name(), "listening.invalid.import.zone", zone.group(1));
                    }
                }
            }
        }
        return new ExportTable(format, columns, rows, zones);
    }

    private static String cell(List<List<String>> header, int row, int index) {
        if (row >= header.size() || index >= header.get(row).size()) {
            return "";
        }
        return header.get(row).get(index).strip();
    }
}
