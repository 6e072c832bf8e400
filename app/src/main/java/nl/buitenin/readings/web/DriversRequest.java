package nl.buitenin.readings.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import nl.buitenin.listening.SurveyId;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.RequestValues;

/**
 * The survey, overall question and period of a key-driver reading as the page and the API read them: a survey id, a
 * question key, dates as 2026-03-01; without dates the half year up to today. Every wrong field is named at once.
 */
record DriversRequest(@Nullable SurveyId survey, @Nullable String outcome, LocalDate from, LocalDate to) {

    static final int DEFAULT_MONTHS = 6;
    static final int MAX_YEARS = 3;

    static DriversRequest read(@Nullable String survey, @Nullable String outcome, @Nullable String from, @Nullable String to, LocalDate today) {
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        SurveyId chosen = RequestValues.collecting(errors, () -> RequestValues.id("survey", survey, SurveyId::new, "readings.invalid.drivers.survey"));
        LocalDate start = RequestValues.collecting(errors, () -> RequestValues.date("from", from, "readings.invalid.drivers.date"));
        LocalDate end = RequestValues.collecting(errors, () -> RequestValues.date("to", to, "readings.invalid.drivers.date"));
        LocalDate last = end == null ? today : end;
        LocalDate first = start == null ? last.minusMonths(DEFAULT_MONTHS).plusDays(1) : start;
        if (errors.isEmpty() && first.isAfter(last)) {
            errors.add(InvalidInputException.FieldError.of("to", "readings.invalid.drivers.order"));
        } else if (errors.isEmpty() && first.plusYears(MAX_YEARS).isBefore(last)) {
            errors.add(InvalidInputException.FieldError.of("from", "readings.invalid.drivers.long", MAX_YEARS));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new DriversRequest(chosen, RequestValues.blank(outcome) ? null : outcome.strip(), first, last);
    }
}
