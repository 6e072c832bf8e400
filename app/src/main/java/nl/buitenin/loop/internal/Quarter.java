package nl.buitenin.loop.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.buitenin.platform.InvalidInputException;

/** A calendar quarter such as {@code 2026-Q3}, whose bounds are taken in the organisation's time zone. */
public record Quarter(int year, int quarter) {

    private static final Pattern FORM = Pattern.compile("(\\d{4})-Q([1-4])");

    public Quarter {
        if (year < 2000 || year > 2999 || quarter < 1 || quarter > 4) {
            throw InvalidInputException.of("quarter", "loop.invalid.quarterForm");
        }
    }

    public static Quarter parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw InvalidInputException.of("quarter", "loop.invalid.quarter", text);
        }
        return new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public static Quarter of(LocalDate day) {
        return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
    }

    public LocalDate firstDay() {
        return LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
    }

    public Instant start(ZoneId zone) {
        return firstDay().atStartOfDay(zone).toInstant();
    }

    public Instant end(ZoneId zone) {
        return firstDay().plusMonths(3).atStartOfDay(zone).toInstant();
    }

    public Quarter previous() {
        return quarter == 1 ? new Quarter(year - 1, 4) : new Quarter(year, quarter - 1);
    }

    @Override
    public String toString() {
        return year + "-Q" + quarter;
    }
}
