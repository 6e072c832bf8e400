package nl.buitenin.groups.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import nl.buitenin.groups.internal.SplitComparison;
import nl.buitenin.groups.internal.SplitSettings;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;
import nl.buitenin.platform.RequestValues;

/**
 * A "did the split work?" request (page and API): the split (default: the first with a theme set, else the first by name), its date (default: the day
 * its first membership began, in the organisation's time zone), the weeks before and after it compared (default
 * {@value #DEFAULT_WEEKS}; after ends today at the latest) and the theme (default: the one set for the split).
 */
record SplitQuery(String split, LocalDate date, int weeks, Instant beforeFrom, Instant at, Instant afterTo, @Nullable UUID theme) {

    static final int DEFAULT_WEEKS = 26;
    static final int MAX_WEEKS = 104;

    @Component
    static class Reader {
        private final SplitComparison comparison;
        private final SplitSettings settings;
        private final Organisations organisations;
        private final Clock clock;

        Reader(SplitComparison comparison, SplitSettings settings, Organisations organisations, Clock clock) {
            this.comparison = comparison;
            this.settings = settings;
            this.organisations = organisations;
            this.clock = clock;
        }

        /** Empty when there is no split at all. */
        java.util.Optional<SplitQuery> read(@Nullable String split, @Nullable String date, @Nullable String weeks, @Nullable String theme) {
            ZoneId zone = organisations.current().timeZone();
            List<String> splits = comparison.splits();
            List<FieldError> errors = new ArrayList<>();
            String chosen = RequestValues.blank(split) ? null : RequestValues.given(split);
            if (chosen != null && !splits.contains(chosen)) {
                errors.add(FieldError.of("split", "groups.invalid.split.unknown", chosen));
            }
            LocalDate day = RequestValues.collecting(errors, () -> RequestValues.date("date", date, "groups.invalid.date"));
            Integer w = RequestValues.collecting(errors, () -> RequestValues.whole("weeks", weeks, "groups.invalid.weeks"));
            UUID t = RequestValues.collecting(errors, () -> RequestValues.uuid("theme", theme, "groups.invalid.theme"));
            if (w != null && (w < 1 || w > MAX_WEEKS)) {
                errors.add(FieldError.of("weeks", "groups.invalid.weeks.range", MAX_WEEKS));
            }
            if (t != null && comparison.themes().stream().noneMatch(x -> x.id().equals(t))) {
                errors.add(FieldError.of("theme", "groups.invalid.theme", theme));
            }
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            if (chosen == null) {
                if (splits.isEmpty()) {
                    return java.util.Optional.empty();
                }
                // The split the organisation set a theme for is the one it watches; otherwise the first by name.
                chosen = splits.stream().filter(s -> settings.of(s).theme() != null).findFirst().orElse(splits.get(0));
            }
            LocalDate today = LocalDate.now(clock.withZone(zone));
            if (day == null) {
                day = comparison.start(chosen).map(s -> LocalDate.ofInstant(s, zone)).orElse(today);
            }
            if (day.isAfter(today)) {
                throw InvalidInputException.of("date", "groups.invalid.date.future");
            }
            int span = w == null ? DEFAULT_WEEKS : w;
            Instant at = day.atStartOfDay(zone).toInstant();
            LocalDate last = day.plusWeeks(span).isAfter(today.plusDays(1)) ? today.plusDays(1) : day.plusWeeks(span);
            UUID themeId = t != null ? t : settings.of(chosen).theme();
            return java.util.Optional.of(new SplitQuery(chosen, day, span, day.minusWeeks(span).atStartOfDay(zone).toInstant(), at,
                    last.atStartOfDay(zone).toInstant(), themeId));
        }
    }
}
