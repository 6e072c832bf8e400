package nl.buitenin.demand.internal.volume;

import java.io.IOException;
import java.io.Reader;
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
import java.util.Map;
import java.util.function.LongConsumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import nl.buitenin.journey.Channel;
import nl.buitenin.platform.InvalidInputException.FieldError;

/**
 * Reads contact volumes from CSV. Columns by header name (case does not matter):
 * <ul>
 * <li>{@code interval_start}: either a moment with its offset ({@code 2026-10-25T02:15+01:00}) or a local
 * time ({@code 08:15}) with a {@code date} column; local times are on the organisation's clock, and a time
 * that does not exist (clocks forward) or exists twice (clocks back) is refused and must be written with its offset;</li>
 * <li>{@code offered} or {@code calls}: the number of contacts;</li>
 * <li>optional: {@code channel}, {@code location} (else the defaults given), {@code handled}, {@code aht_seconds},
 * {@code abandoned}, {@code source_id}. Other columns, such as the bank data's {@code weekday}, are ignored.</li>
 * </ul>
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

    public record Result(List<Row> rows, List<RowError> errors) {
    }

    private VolumeCsv() {
    }

    public static Result read(Reader reader, ZoneId zone, Channel defaultChannel, String defaultLocation, LongConsumer progress)
            throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).setIgnoreHeaderCase(true).get();
        List<Row> rows = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            Map<String, Integer> header = new java.util.HashMap<>();
            parser.getHeaderMap().forEach((name, index) -> header.put(name.toLowerCase(Locale.ROOT), index));
            String countColumn = header.containsKey("offered") ? "offered" : header.containsKey("calls") ? "calls" : null;
            if (!header.containsKey("interval_start") || countColumn == null) {
                errors.add(RowError.of(1, null, "demand.invalid.header", header.keySet().toString()));
                return new Result(rows, errors);
            }
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                try {
                    rows.add(row(record, line, header, countColumn, zone, defaultChannel, defaultLocation));
                } catch (RowException e) {
                    errors.add(RowError.of(line, e.error));
                }
                progress.accept(line);
            }
        } catch (IllegalStateException | IllegalArgumentException | IOException | java.io.UncheckedIOException e) {
            // Commons CSV refuses a malformed quote (CSVException, an IOException) and an empty header name
            // (IllegalArgumentException) with its own English message; found by VolumeCsvFuzzTest.
            errors.add(RowError.of(-1, null, "demand.invalid.csv", String.valueOf(e.getMessage())));
        }
        return new Result(rows, errors);
    }

    private static Row row(CSVRecord record, long line, Map<String, Integer> header, String countColumn, ZoneId zone,
            Channel defaultChannel, String defaultLocation) {
        if (!record.isConsistent()) {
            throw new RowException(null, "demand.invalid.fields", record.size(), header.size());
        }
        Channel channel = defaultChannel;
        String channelText = optional(record, header, "channel");
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
        String location = optional(record, header, "location");
        location = location == null ? defaultLocation : location;
        if (location == null || location.isBlank() || location.length() > 100) {
            throw new RowException("location", "demand.invalid.locationRow");
        }
        ZonedDateTime start = start(record, header, zone);
        long offered = count(record, countColumn, true);
        Long handled = header.containsKey("handled") ? nullableCount(record, "handled") : null;
        Long abandoned = header.containsKey("abandoned") ? nullableCount(record, "abandoned") : null;
        Double aht = null;
        String ahtText = optional(record, header, "aht_seconds");
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
        String sourceId = optional(record, header, "source_id");
        if (sourceId != null && sourceId.length() > 200) {
            throw new RowException("source_id", "demand.invalid.sourceIdLong");
        }
        return new Row(line, channel, location.trim(), start, offered, handled, aht, abandoned, sourceId);
    }

    private static ZonedDateTime start(CSVRecord record, Map<String, Integer> header, ZoneId zone) {
        String text = record.get("interval_start");
        if (text.contains("T")) {
            try {
                return OffsetDateTime.parse(text).atZoneSameInstant(zone);
            } catch (DateTimeException e) {
                throw new RowException("interval_start", "demand.invalid.moment", text);
            }
        }
        String dateText = optional(record, header, "date");
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

    private static long count(CSVRecord record, String column, boolean required) {
        String text = record.get(column);
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

    private static Long nullableCount(CSVRecord record, String column) {
        String text = record.get(column);
        return text == null || text.isBlank() ? null : count(record, column, false);
    }

    private static String optional(CSVRecord record, Map<String, Integer> header, String column) {
        if (!header.containsKey(column)) {
            return null;
        }
        String value = record.get(column);
        return value == null || value.isBlank() ? null : value;
    }

    private static final class RowException extends RuntimeException {
        final FieldError error;

        RowException(String column, String key, Object... args) {
            this(FieldError.of(column, key, args));
        }

        private RowException(FieldError error) {
            super(error.message());
            this.error = error;
        }
    }
}
