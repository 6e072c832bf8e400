package nl.buitenin.demand.internal.volume;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongConsumer;

import nl.buitenin.journey.Channel;
import nl.buitenin.platform.CsvInput;
import nl.buitenin.platform.InvalidInputException.FieldError;

/**
 * Reads contact volumes from CSV. Columns by header name (case does not matter):
 * <ul>
 * <li>{@code interval_start}: either a moment with its offset ({@code 2026-10-25T02:15+01:00}) or a local
 * time ({@code 08:15}) with a {@code date} column; local times are on the organisation's clock, and a time
 * that does not exist (clocks forward) or exists twice (clocks back) is refused and must be written with its offset;</li>
 * <li>{@code offered} or {@code calls}: the number of contacts;</li>
 * <li>optional: {@code channel}, {@code location} (else the defaults given), {@code handled}, {@code aht_seconds},
 * {@code abandoned}, {@code source_id}. Other columns, such as the bank data's {@code weekday}, are not read; the
 * report names them.</li>
 * </ul>
 * The file is read through {@link CsvInput}, like every import: UTF-8 (a byte order mark is fine), each column once,
 * every row as many fields as the header.
 * Every wrong row is reported with its line number and column; the rows that are right are returned.
 */
public final class VolumeCsv {

    /** One row as read, before it is put in an interval. */
    public record Row(long line, Channel channel, String location, ZonedDateTime start, long offered, Long handled,
            Double ahtSeconds, Long abandoned, String sourceId) {
    }

    /**
     * A row that could not be read, with the line (1 = the header) and what is wrong: in English ({@code message}, for
     * the command line) and as a message key with arguments, so the page tells it in the reader's language.
     */
    public record RowError(long line, String column, String message, String key, List<Object> args) {

        public RowError {
            args = args == null ? List.of() : List.copyOf(args);
        }

        public static RowError of(long line, String column, String key, Object... args) {
            return of(line, FieldError.of(column, key, args));
        }

        public static RowError of(long line, FieldError error) {
            return new RowError(line, error.field(), error.message(), error.key(), error.args());
        }

        @Override
        public String toString() {
            return "line " + line + (column == null ? "" : ", " + column) + ": " + message;
        }
    }

    /**
     * @param rows           the rows read
     * @param errors         the rows (or the file) refused
     * @param unknownColumns columns of the header that were not read, such as the bank data's {@code weekday}
     */
    public record Result(List<Row> rows, List<RowError> errors, List<String> unknownColumns) {

        public Result {
            unknownColumns = List.copyOf(unknownColumns);
        }
    }

    /** The columns read; any other column is named in the report and not read. */
    public static final List<String> COLUMNS = List.of("interval_start", "date", "offered", "calls", "channel", "location", "handled",
            "aht_seconds", "abandoned", "source_id");

    private VolumeCsv() {
    }

    public static Result read(Reader reader, ZoneId zone, Channel defaultChannel, String defaultLocation, LongConsumer progress)
            throws IOException {
        List<Row> rows = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        CsvInput.Header[] header = new CsvInput.Header[1];
        String[] countColumn = new String[1];
        try {
            CsvInput.read(reader, line -> {
                if (header[0] == null) {
                    header[0] = CsvInput.Header.of(line, true);
                    countColumn[0] = header[0].has("offered") ? "offered" : header[0].has("calls") ? "calls" : null;
                    if (!header[0].has("interval_start") || countColumn[0] == null) {
                        throw new MissingColumns();
                    }
                    unknown.addAll(header[0].unknown(COLUMNS));
                    return;
                }
                if (line.isBlank()) {
                    return;
                }
                try {
                    rows.add(row(line, header[0], countColumn[0], zone, defaultChannel, defaultLocation));
                } catch (RowException e) {
                    errors.add(RowError.of(line.number(), e.error));
                }
                progress.accept(line.number());
            });
        } catch (MissingColumns e) {
            errors.add(RowError.of(1, null, "demand.invalid.header", header[0].names().toString()));
        } catch (CsvInput.Refusal e) {
            errors.add(RowError.of(e.line(), e.error().in(null)));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (header[0] == null && errors.isEmpty()) {
            errors.add(RowError.of(1, null, "demand.invalid.header", "[]"));
        }
        return new Result(rows, errors, unknown);
    }

    /** The header lacks a column every row needs; told once, before any row. */
    private static final class MissingColumns extends RuntimeException {
        MissingColumns() {
            super(null, null, false, false);
        }
    }

    private static Row row(CsvInput.Line line, CsvInput.Header header, String countColumn, ZoneId zone, Channel defaultChannel,
            String defaultLocation) {
        Optional<FieldError> misfit = header.misfit(line);
        if (misfit.isPresent()) {
            throw new RowException(misfit.get());
        }
        Channel channel = defaultChannel;
        String channelText = optional(line, header, "channel");
        if (channelText != null) {
            try {
                channel = Channel.valueOf(channelText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new RowException("channel", "demand.invalid.channel", channelText, List.of(Channel.values()).toString());
            }
        }
        if (channel == null) {
            throw new RowException("channel", "demand.invalid.channelEmpty");
        }
        String location = optional(line, header, "location");
        location = location == null ? defaultLocation : location;
        if (location == null || location.trim().isEmpty() || location.length() > 100) {
            throw new RowException("location", "demand.invalid.locationRow");
        }
        ZonedDateTime start = start(line, header, zone);
        long offered = count(line, header, countColumn);
        Long handled = header.has("handled") ? nullableCount(line, header, "handled") : null;
        Long abandoned = header.has("abandoned") ? nullableCount(line, header, "abandoned") : null;
        Double aht = null;
        String ahtText = optional(line, header, "aht_seconds");
        if (ahtText != null) {
            try {
                aht = Double.parseDouble(ahtText);
            } catch (NumberFormatException e) {
                throw new RowException("aht_seconds", "demand.invalid.seconds", ahtText);
            }
            if (!(aht > 0) || aht.isInfinite()) {
                throw new RowException("aht_seconds", "demand.invalid.positiveSecondsGot", ahtText);
            }
        }
        if (handled != null && handled > offered) {
            throw new RowException("handled", "demand.invalid.handledMore", handled, offered);
        }
        if (abandoned != null && abandoned > offered) {
            throw new RowException("abandoned", "demand.invalid.abandonedMore", abandoned, offered);
        }
        String sourceId = optional(line, header, "source_id");
        if (sourceId != null && sourceId.length() > 200) {
            throw new RowException("source_id", "demand.invalid.sourceIdLong");
        }
        return new Row(line.number(), channel, location.trim(), start, offered, handled, aht, abandoned, sourceId);
    }

    private static ZonedDateTime start(CsvInput.Line line, CsvInput.Header header, ZoneId zone) {
        String text = header.value(line, "interval_start");
        if (text.contains("T")) {
            try {
                return OffsetDateTime.parse(text).atZoneSameInstant(zone);
            } catch (DateTimeException e) {
                throw new RowException("interval_start", "demand.invalid.moment", text);
            }
        }
        String dateText = optional(line, header, "date");
        if (dateText == null) {
            throw new RowException("date", "demand.invalid.dateNeeded", text);
        }
        LocalDateTime local;
        try {
            local = LocalDateTime.of(LocalDate.parse(dateText), LocalTime.parse(text));
        } catch (DateTimeException e) {
            throw new RowException("interval_start", "demand.invalid.dateTime", dateText + " " + text);
        }
        List<java.time.ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
        if (offsets.isEmpty()) {
            throw new RowException("interval_start", "demand.invalid.gap", local.toString(), zone.toString());
        }
        if (offsets.size() > 1) {
            throw new RowException("interval_start", "demand.invalid.overlap", local.toString(), zone.toString(),
                    local.toString() + offsets.get(0));
        }
        return ZonedDateTime.ofLocal(local, zone, offsets.get(0));
    }

    private static long count(CsvInput.Line line, CsvInput.Header header, String column) {
        String text = header.value(line, column);
        if (text == null || text.isBlank()) {
            throw new RowException(column, "demand.invalid.empty");
        }
        try {
            long value = Long.parseLong(text);
            if (value < 0) {
                throw new RowException(column, "demand.invalid.notNegativeGot", value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new RowException(column, "demand.invalid.wholeNumber", text);
        }
    }

    private static Long nullableCount(CsvInput.Line line, CsvInput.Header header, String column) {
        String text = header.value(line, column);
        return text == null || text.isBlank() ? null : count(line, header, column);
    }

    private static String optional(CsvInput.Line line, CsvInput.Header header, String column) {
        // trim() also drops control characters below the space, which isBlank() keeps: a cell of only those is empty too
        String value = header.value(line, column);
        String trimmed = value == null ? "" : value.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }

    private static final class RowException extends RuntimeException {
        final FieldError error;

        RowException(String column, String key, Object... args) {
            this(FieldError.of(column, key, args));
        }

        RowException(FieldError error) {
            super(error.message());
            this.error = error;
        }
    }
}
