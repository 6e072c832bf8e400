package nl.buitenin.groups.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import nl.buitenin.organisation.Organisations;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;
import nl.buitenin.platform.RequestValues;

/**
 * The days a planning covers (page and API), both included, in the organisation's time zone; without dates the
 * {@value #DEFAULT_DAYS} days from today on.
 */
record PlanningPeriod(LocalDate from, LocalDate to) {

    static final int DEFAULT_DAYS = 35;
    static final int MAX_DAYS = 366;

    @Component
    static class Reader {
        private final Organisations organisations;
        private final Clock clock;

        Reader(Organisations organisations, Clock clock) {
            this.organisations = organisations;
            this.clock = clock;
        }

        PlanningPeriod read(@Nullable String from, @Nullable String to) {
            LocalDate today = LocalDate.now(clock.withZone(organisations.current().timeZone()));
            List<FieldError> errors = new ArrayList<>();
            LocalDate start = RequestValues.collecting(errors, () -> RequestValues.date("from", from, "groups.invalid.date"));
            LocalDate end = RequestValues.collecting(errors, () -> RequestValues.date("to", to, "groups.invalid.date"));
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            LocalDate first = start == null ? (end == null ? today : end.minusDays(DEFAULT_DAYS - 1)) : start;
            LocalDate last = end == null ? first.plusDays(DEFAULT_DAYS - 1) : end;
            if (last.isBefore(first)) {
                throw InvalidInputException.of("to", "groups.invalid.period.order");
            }
            if (first.plusDays(MAX_DAYS).isBefore(last)) {
                throw InvalidInputException.of("to", "groups.invalid.period.long", MAX_DAYS);
            }
            return new PlanningPeriod(first, last);
        }
    }
}
