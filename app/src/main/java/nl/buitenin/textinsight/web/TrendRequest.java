package nl.buitenin.textinsight.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import nl.buitenin.journey.JourneyId;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.RequestValues;

/**
 * The period and journey of a sentiment trend as the page and the API read them: dates as 2026-03-01, a journey id;
 * without dates the twelve weeks up to today. Every wrong field is named at once.
 */
record TrendRequest(LocalDate from, LocalDate to, @Nullable JourneyId journey) {

    static final int DEFAULT_WEEKS = 12;

    static TrendRequest read(@Nullable String from, @Nullable String to, @Nullable String journey, LocalDate today) {
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        LocalDate start = RequestValues.collecting(errors, () -> RequestValues.date("from", from, "textinsight.invalid.date"));
        LocalDate end = RequestValues.collecting(errors, () -> RequestValues.date("to", to, "textinsight.invalid.date"));
        JourneyId chosen = RequestValues.collecting(errors, () -> RequestValues.id("journey", journey, JourneyId::new, "textinsight.invalid.journey"));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        LocalDate last = end == null ? today : end;
        LocalDate first = start == null ? last.minusWeeks(DEFAULT_WEEKS - 1L) : start;
        return new TrendRequest(first, last, chosen);
    }
}
