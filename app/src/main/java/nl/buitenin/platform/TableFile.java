package nl.buitenin.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A table for download as CSV or XLSX, the same columns and cells in both. CSV per RFC 4180: UTF-8 without a byte-order
 * mark, a comma between fields, a field quoted (with doubled quotes inside) only when it holds a comma, a quote or a
 * line break, lines ended by CRLF, numbers with a decimal point and dates as 2026-03-01. XLSX through fastexcel: numbers
 * as numbers, dates as dates, a bold header row that stays in view. A cell is a String, a Number, a LocalDate, a
 * Boolean or null (empty).
 */
public final class TableFile {

    /** The two file formats, by the extension of the download. */
    public enum Format {
        CSV("text/csv;charset=UTF-8"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        private final String mediaType;

        Format(String mediaType) {
            this.mediaType = mediaType;
        }

        public String extension() {
            return name().toLowerCase(Locale.ROOT);
        }

        public MediaType mediaType() {
            return MediaType.parseMediaType(mediaType);
        }
    }

    private final String sheet;
    private final List<String> header;
    private final List<List<@Nullable Object>> rows = new ArrayList<>();

    private TableFile(String sheet, List<String> header) {
        this.sheet = sheet;
        this.header = List.copyOf(header);
    }

    /** A table with the given column names; {@code sheet} names the XLSX worksheet. */
    public static TableFile of(String sheet, List<String> header) {
        return new TableFile(sheet, header);
    }

    /** Adds a row with one cell per column. */
    public TableFile row(List<@Nullable Object> cells) {
        if (cells.size() != header.size()) {
            throw new IllegalArgumentException("a row of " + cells.size() + " cells in a table of " + header.size() + " columns");
        }
        rows.add(new ArrayList<>(cells));
        return this;
    }

    public int size() {
        return rows.size();
    }

    /** Writes the table in the format; the stream is flushed, not closed. */
    public void write(Format format, OutputStream out) throws IOException {
        if (format == Format.CSV) {
            writeCsv(out);
        } else {
            writeXlsx(out);
        }
    }

    /** A download of the table as {@code <name>.<csv|xlsx>}. */
    public ResponseEntity<byte[]> download(Format format, String name) {
        // Written whole before the response starts, so an error is still an error page and not half a file.
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try {
            write(format, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name + "." + format.extension(), StandardCharsets.UTF_8).build().toString())
                .contentType(format.mediaType())
                .body(bytes.toByteArray());
    }

    private void writeCsv(OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get());
        for (List<@Nullable Object> row : rows) {
            List<@Nullable String> cells = new ArrayList<>(row.size());
            for (Object cell : row) {
                cells.add(text(cell));
            }
            printer.printRecord(cells);
        }
        printer.flush();
    }

    private void writeXlsx(OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "Buitenin", "1.0");
        Worksheet ws = workbook.newWorksheet(sheet);
        for (int c = 0; c < header.size(); c++) {
            ws.value(0, c, header.get(c));
            ws.style(0, c).bold().set();
        }
        ws.freezePane(0, 1);
        for (int r = 0; r < rows.size(); r++) {
            List<@Nullable Object> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                Object cell = row.get(c);
                if (cell instanceof Number number) {
                    ws.value(r + 1, c, number);
                } else if (cell instanceof Boolean yes) {
                    ws.value(r + 1, c, yes);
                } else if (cell instanceof LocalDate date) {
                    ws.value(r + 1, c, date);
                    ws.style(r + 1, c).format("yyyy-mm-dd").set();
                } else if (cell != null) {
                    ws.value(r + 1, c, cell.toString());
                }
            }
        }
        try {
            workbook.finish();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static @Nullable String text(@Nullable Object cell) {
        if (cell == null) {
            return null;
        }
        if (cell instanceof Double || cell instanceof Float) {
            // Plain digits with a decimal point: never 1.0E-4, never a trailing .0.
            return java.math.BigDecimal.valueOf(((Number) cell).doubleValue()).stripTrailingZeros().toPlainString();
        }
        return Objects.toString(cell);
    }
}
