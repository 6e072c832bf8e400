package nl.buitenin.demand.internal.roster;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import nl.buitenin.demand.internal.volume.Intervals;
import nl.buitenin.platform.InvalidInputException;

/**
 * The start of a roster interval as planners write it: a day and a local time ({@code 2026-12-07}, {@code 09:15}) on the
 * organisation's clock, or a moment with its offset ({@code 2026-10-25T02:15+01:00}) for the hour that occurs twice when
 * the clocks go back. The time must start one of the installation's intervals.
 */
final class RosterTimes {

    private RosterTimes() {
    }

    /**
     * @param dateField the field (or column) that holds the day, named in errors
     * @param timeField the field (or column) that holds the time, named in errors
     */
    static ZonedDateTime start(String dateField, String dateText, String timeField, String timeText, ZoneId zone, int minutes) {
        if (timeText == null || timeText.isBlank()) {
            throw InvalidInputException.of(timeField, "demand.roster.invalid.timeNeeded");
        }
        String time = timeText.strip();
        ZonedDateTime start;
        if (time.contains("T")) {
            try {
                start = OffsetDateTime.parse(time).atZoneSameInstant(zone);
            } catch (DateTimeException e) {
                throw InvalidInputException.of(timeField, "demand.invalid.moment", time);
            }
            if (dateText != null && !dateText.isBlank() && !dateText.strip().equals(start.toLocalDate().toString())) {
                throw InvalidInputException.of(timeField, "demand.roster.invalid.otherDay", time, dateText.strip());
            }
        } else {
            if (dateText == null || dateText.isBlank()) {
                throw InvalidInputException.of(dateField, "demand.invalid.dateNeeded", time);
            }
            LocalDate day;
            try {
                day = LocalDate.parse(dateText.strip());
            } catch (DateTimeException e) {
                throw InvalidInputException.of(dateField, "demand.roster.invalid.day", dateText.strip());
            }
            LocalTime local;
            try {
                local = LocalTime.parse(time);
            } catch (DateTimeException e) {
                throw InvalidInputException.of(timeField, "demand.roster.invalid.time", time);
            }
            LocalDateTime at = LocalDateTime.of(day, local);
            List<ZoneOffset> offsets = zone.getRules().getValidOffsets(at);
            if (offsets.isEmpty()) {
                throw InvalidInputException.of(timeField, "demand.invalid.gap", at.toString(), zone.toString());
            }
            if (offsets.size() > 1) {
                throw InvalidInputException.of(timeField, "demand.invalid.overlap", at.toString(), zone.toString(), at.toString() + offsets.get(0));
            }
            start = ZonedDateTime.ofLocal(at, zone, offsets.get(0));
        }
        if (!Intervals.floor(start, minutes).equals(start)) {
            throw InvalidInputException.of(timeField, "demand.roster.invalid.notInterval", time, minutes);
        }
        return start;
    }

    /** A count of agents as written: a whole number from 0 to {@link RosterEntry#MAX_AGENTS}. */
    static int agents(String field, String text) {
        if (text == null || text.isBlank()) {
            throw InvalidInputException.of(field, "demand.roster.invalid.agents", "");
        }
        int agents;
        try {
            agents = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(field, "demand.roster.invalid.agents", text.strip());
        }
        if (agents < 0 || agents > RosterEntry.MAX_AGENTS) {
            throw InvalidInputException.of(field, "demand.roster.invalid.agents", text.strip());
        }
        return agents;
    }
}
