package nl.buitenin.groups.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import nl.buitenin.groups.GroupId;
import nl.buitenin.groups.internal.GroupScores;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;
import nl.buitenin.platform.RequestValues;

/**
 * The period and the two groups of a scores request (page and API): days in the organisation's time zone, the last one
 * included; without dates the last {@value #DEFAULT_WEEKS} weeks up to today.
 */
record Period(LocalDate from, LocalDate to, Instant start, Instant end, @Nullable GroupId first, @Nullable GroupId second) {

    static final int DEFAULT_WEEKS = 26;
    static final int MAX_DAYS = 3 * 366;

    /** The comparison of the two chosen groups, empty when fewer than two different groups were chosen. */
    List<GroupScores.Difference> comparison(List<GroupScores.GroupFigures> figures) {
        if (first == null || second == null || first.equals(second)) {
            return List.of();
        }
        GroupScores.GroupFigures a = figures.stream().filter(f -> f.group().id().equals(first)).findFirst().orElse(null);
        GroupScores.GroupFigures b = figures.stream().filter(f -> f.group().id().equals(second)).findFirst().orElse(null);
        return a == null || b == null ? List.of() : GroupScores.compare(a, b);
    }

    @Component
    static class Reader {
        private final Organisations organisations;
        private final Clock clock;

        Reader(Organisations organisations, Clock clock) {
            this.organisations = organisations;
            this.clock = clock;
        }

        Period read(@Nullable String from, @Nullable String to, @Nullable String first, @Nullable String second) {
            ZoneId zone = organisations.current().timeZone();
            LocalDate today = LocalDate.now(clock.withZone(zone));
            List<FieldError> errors = new ArrayList<>();
            LocalDate start = RequestValues.collecting(errors, () -> RequestValues.date("from", from, "groups.invalid.date"));
            LocalDate end = RequestValues.collecting(errors, () -> RequestValues.date("to", to, "groups.invalid.date"));
            GroupId a = RequestValues.collecting(errors, () -> RequestValues.id("first", first, GroupId::new, "groups.invalid.group"));
            GroupId b = RequestValues.collecting(errors, () -> RequestValues.id("second", second, GroupId::new, "groups.invalid.group"));
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            LocalDate last = end == null ? today : end;
            LocalDate firstDay = start == null ? last.minusWeeks(DEFAULT_WEEKS).plusDays(1) : start;
            if (last.isBefore(firstDay)) {
                throw InvalidInputException.of("to", "groups.invalid.period.order");
            }
            if (firstDay.plusDays(MAX_DAYS).isBefore(last)) {
                throw InvalidInputException.of("to", "groups.invalid.period.long", MAX_DAYS);
            }
            return new Period(firstDay, last, firstDay.atStartOfDay(zone).toInstant(), last.plusDays(1).atStartOfDay(zone).toInstant(), a, b);
        }
    }
}
