package nl.buitenin.listening.internal.imports;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The time formats the tools write. Qualtrics writes {@code 2026-03-14 09:12:33} in the zone its third header
 * row names; SurveyMonkey {@code 03/14/2026 09:12:33 AM}; Google Forms {@code 2026/03/14 9:12:33 AM GMT+1} in
 * its download and {@code 14-3-2026 9:12:33} (Dutch) or {@code 3/14/2026 9:12:33} (American) in a sheet. Slashes
 * are read month first and dashes day first, as those tools do. A time without zone is in {@code zone}.
 */
final class ExportTimes {

    private static final List<DateTimeFormatter> WITH_ZONE = List.of(
            pattern("yyyy/MM/dd h:mm:ss a O"),
            DateTimeFormatter.ISO_OFFSET_DATE_TIME);

    private static final List<DateTimeFormatter> LOCAL = List.of(
            pattern("yyyy-MM-dd HH:mm:ss"),
            pattern("yyyy-MM-dd HH:mm"),
            DateTimeFormatter.ISO_LOCAL_DATE_TIME,
            pattern("M/d/yyyy h:mm:ss a"),
            pattern("M/d/yyyy H:mm:ss"),
            pattern("M/d/yyyy H:mm"),
            pattern("yyyy/MM/dd h:mm:ss a"),
            pattern("d-M-yyyy H:mm:ss"),
            pattern("d-M-yyyy H:mm"));

    private ExportTimes() {
    }

    static Optional<Instant> parse(String text, ZoneId zone) {
        String value = text.strip();
        if (value.endsWith("Z")) {
            try {
                return Optional.of(Instant.parse(value));
            } catch (DateTimeParseException e) {
                // not an instant; try the other forms
            }
        }
        for (DateTimeFormatter format : WITH_ZONE) {
            try {
                return Optional.of(OffsetDateTime.parse(value, format).toInstant());
            } catch (DateTimeParseException e) {
                try {
                    return Optional.of(ZonedDateTime.parse(value, format).toInstant());
                } catch (DateTimeParseException ignored) {
                    // next form
                }
            }
        }
        for (DateTimeFormatter format : LOCAL) {
            try {
                return Optional.of(LocalDateTime.parse(value, format).atZone(zone).toInstant());
            } catch (DateTimeParseException e) {
                // next form
            }
        }
        return Optional.empty();
    }

    private static DateTimeFormatter pattern(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(Locale.ENGLISH);
    }
}
