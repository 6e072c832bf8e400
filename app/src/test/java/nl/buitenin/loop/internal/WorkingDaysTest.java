package nl.buitenin.loop.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

class WorkingDaysTest {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @Test
    void aComplaintOnFridayEveningWithTwoWorkingDaysIsDueAtTheEndOfTuesday() {
        Instant friday = ZonedDateTime.of(2026, 3, 6, 21, 30, 0, 0, AMSTERDAM).toInstant();
        assertThat(WorkingDays.deadline(friday, 2, AMSTERDAM))
                .isEqualTo(ZonedDateTime.of(2026, 3, 11, 0, 0, 0, 0, AMSTERDAM).toInstant());
    }

    @Test
    void fiveWorkingDaysFromMondayEndNextMonday() {
        Instant monday = ZonedDateTime.of(2026, 3, 9, 9, 0, 0, 0, AMSTERDAM).toInstant();
        assertThat(WorkingDays.deadline(monday, 5, AMSTERDAM))
                .isEqualTo(ZonedDateTime.of(2026, 3, 17, 0, 0, 0, 0, AMSTERDAM).toInstant());
    }

    @Test
    void theDeadlineIsTheLocalEndOfDayAcrossTheEndOfSummerTime() {
        // Summer time ends on Sunday 25 October 2026; Tuesday 27 October ends at 23:00 UTC, not 22:00.
        Instant friday = ZonedDateTime.of(2026, 10, 23, 12, 0, 0, 0, AMSTERDAM).toInstant();
        assertThat(WorkingDays.deadline(friday, 2, AMSTERDAM)).isEqualTo(Instant.parse("2026-10-27T23:00:00Z"));
    }

    @Test
    void aSaturdayCaseCountsFromMonday() {
        Instant saturday = ZonedDateTime.of(2026, 3, 7, 10, 0, 0, 0, AMSTERDAM).toInstant();
        assertThat(WorkingDays.deadline(saturday, 1, AMSTERDAM))
                .isEqualTo(ZonedDateTime.of(2026, 3, 10, 0, 0, 0, 0, AMSTERDAM).toInstant());
    }

    @Test
    void koningsdagIsNoWorkingDay() {
        // Koningsdag 2026 falls on Monday 27 April (rijksoverheid.nl): a Friday complaint with one working day is due end of Tuesday.
        Instant friday = ZonedDateTime.of(2026, 4, 24, 12, 0, 0, 0, AMSTERDAM).toInstant();
        assertThat(WorkingDays.deadline(friday, 1, AMSTERDAM))
                .isEqualTo(ZonedDateTime.of(2026, 4, 29, 0, 0, 0, 0, AMSTERDAM).toInstant());
    }

    @Test
    void easterMondayIsNoWorkingDayButGoodFridayIs() {
        // Easter 2026: Good Friday 3 April (a working day for most), Easter Monday 6 April (a day off).
        Instant thursday = ZonedDateTime.of(2026, 4, 2, 15, 0, 0, 0, AMSTERDAM).toInstant();
        assertThat(WorkingDays.deadline(thursday, 2, AMSTERDAM))
                .isEqualTo(ZonedDateTime.of(2026, 4, 8, 0, 0, 0, 0, AMSTERDAM).toInstant());
    }

    @Test
    void christmasAndNewYearAreSkipped() {
        // 24 December 2026 is a Thursday; 25 and 26 December and 1 January are days off.
        Instant christmasEve = ZonedDateTime.of(2026, 12, 24, 10, 0, 0, 0, AMSTERDAM).toInstant();
        assertThat(WorkingDays.deadline(christmasEve, 5, AMSTERDAM))
                .isEqualTo(ZonedDateTime.of(2027, 1, 5, 0, 0, 0, 0, AMSTERDAM).toInstant());
    }
}
