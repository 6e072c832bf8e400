package nl.buitenin.readings.web;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.RequestValues;
import nl.buitenin.readings.internal.GamingReadings;

/**
 * The period of a gaming reading as the page and the API read it: dates as 2026-03-01, both days included; without
 * dates the 90 days up to today (a quarter, about what a busy staff member needs for the test to find a push). Every
 * wrong field is named at once.
 */
record GamingPeriod(LocalDate from, LocalDate to) {

    static final int DEFAULT_DAYS = 90;

    static GamingPeriod read(@Nullable String from, @Nullable String to, LocalDate today) {
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        LocalDate start = RequestValues.collecting(errors, () -> RequestValues.date("from", from, "readings.gaming.invalid.date"));
        LocalDate end = RequestValues.collecting(errors, () -> RequestValues.date("to", to, "readings.gaming.invalid.date"));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        LocalDate last = end == null ? today : end;
        LocalDate first = start == null ? last.minusDays(DEFAULT_DAYS - 1L) : start;
        if (first.isAfter(last)) {
            throw InvalidInputException.of("to", "readings.gaming.invalid.order");
        }
        if (ChronoUnit.DAYS.between(first, last) + 1 > GamingReadings.MAX_DAYS) {
            throw InvalidInputException.of("to", "readings.gaming.invalid.long", GamingReadings.MAX_DAYS);
        }
        return new GamingPeriod(first, last);
    }
}
