package nl.buitenin.textinsight.web;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import nl.buitenin.journey.JourneyId;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;
import nl.buitenin.platform.RequestValues;

/**
 * The filters of the failure-demand page and API, read from text: a period of days (default the last twelve weeks up
 * to today, at most 366 days) and optionally one journey. Every wrong field is named at once.
 */
record FailureDemandQuery(LocalDate from, LocalDate to, @Nullable JourneyId journey) {

    static final int DEFAULT_WEEKS = 12;
    static final int MAX_DAYS = 366;

    static FailureDemandQuery read(@Nullable String from, @Nullable String to, @Nullable String journey, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate end = RequestValues.collecting(errors, () -> RequestValues.date("to", to, "textinsight.invalid.date"));
        LocalDate start = RequestValues.collecting(errors, () -> RequestValues.date("from", from, "textinsight.invalid.date"));
        JourneyId id = RequestValues.collecting(errors, () -> RequestValues.id("journey", journey, JourneyId::new, "textinsight.invalid.journey"));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        end = end == null ? today : end;
        start = start == null ? end.minusWeeks(DEFAULT_WEEKS).plusDays(1) : start;
        if (start.isAfter(end)) {
            throw InvalidInputException.of("from", "textinsight.invalid.period.order", start, end);
        }
        if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
            throw InvalidInputException.of("from", "textinsight.invalid.period.long", MAX_DAYS);
        }
        return new FailureDemandQuery(start, end, id);
    }
}
