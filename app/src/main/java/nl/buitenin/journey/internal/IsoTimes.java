package nl.buitenin.journey.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads an ISO-8601 time with offset ({@code 2026-03-01T09:15:00Z}, {@code 2026-03-01T10:15:00.250+01:00}) as
 * {@link OffsetDateTime#parse} does, but the common shapes without the general formatter: in a batch of
 * thousands of interactions the formatter was most of the time spent reading the request. Anything else
 * (another shape, or a date that does not exist) goes to {@link OffsetDateTime#parse}, so what is refused
 * and the exception it is refused with stay the same.
 */
final class IsoTimes {

    private IsoTimes() {
    }

    /** @throws DateTimeParseException as {@link OffsetDateTime#parse} would */
    static Instant parse(String text) {
        Instant quick = quick(text);
        return quick != null ? quick : OffsetDateTime.parse(text).toInstant();
    }

    /** The instant for {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±HH:MM)}, or null for any other text. */
    private static Instant quick(String text) {
        int length = text.length();
        if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int position = 19;
        int nano = 0;
        if (text.charAt(position) == '.') {
            int start = ++position;
            while (position < length && position - start < 10 && isDigit(text.charAt(position))) {
                nano = nano * 10 + (text.charAt(position) - '0');
                position++;
            }
            int count = position - start;
            if (count < 1 || count > 9) {
                return null;
            }
            for (int i = count; i < 9; i++) {
                nano *= 10;
            }
        }
        int offsetSeconds;
        if (position == length - 1 && text.charAt(position) == 'Z') {
            offsetSeconds = 0;
        } else if (position == length - 6 && (text.charAt(position) == '+' || text.charAt(position) == '-')
                && text.charAt(position + 3) == ':') {
            int hours = digits(text, position + 1, 2);
            int minutes = digits(text, position + 4, 2);
            if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59) {
                return null;
            }
            int sign = text.charAt(position) == '-' ? -1 : 1;
            offsetSeconds = sign * (hours * 3600 + minutes * 60);
        } else {
            return null;
        }
        try {
            long days = LocalDate.of(year, month, day).toEpochDay();
            ZoneOffset offset = ZoneOffset.ofTotalSeconds(offsetSeconds);
            return Instant.ofEpochSecond(days * 86_400 + hour * 3600 + minute * 60 + second - offset.getTotalSeconds(), nano);
        } catch (DateTimeException e) {
            return null; // 30 February, an offset beyond 18 hours: let the formatter refuse it in its own words
        }
    }

    /** The number in {@code count} decimal digits from {@code start}, or -1 if any is not a digit. */
    private static int digits(String text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
