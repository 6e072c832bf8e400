package nl.buitenin.groups.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

/**
 * The 12 months of repeat purchase around a split, on the organisation's calendar: the year before, and the year after
 * as far as now reaches, saying whether it is complete. Dates worked out by hand.
 */
class RepeatWindowTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final Instant SPLIT = LocalDate.of(2026, 3, 5).atStartOfDay(AMSTERDAM).toInstant();

    @Test
    void nineMonthsAfterTheSplitTheYearAfterIsNotCompleteAndEndsNow() {
        Instant now = ZonedDateTime.of(2026, 12, 5, 14, 0, 0, 0, AMSTERDAM).toInstant();
        SplitGains.RepeatWindow window = SplitGains.repeatWindow(SPLIT, AMSTERDAM, now);
        // 5 March 2025 00:00 in Amsterdam (winter time, +01:00) is 4 March 2025 23:00 UTC.
        assertThat(window.from()).isEqualTo(Instant.parse("2025-03-04T23:00:00Z"));
        assertThat(window.at()).isEqualTo(SPLIT);
        assertThat(window.to()).isEqualTo(now);
        assertThat(window.monthsAfter()).isEqualTo(9);
        assertThat(window.complete()).isFalse();
    }

    @Test
    void moreThanAYearAfterTheSplitBothYearsAreWhole() {
        Instant now = LocalDate.of(2027, 6, 1).atStartOfDay(AMSTERDAM).toInstant();
        SplitGains.RepeatWindow window = SplitGains.repeatWindow(SPLIT, AMSTERDAM, now);
        assertThat(window.to()).isEqualTo(Instant.parse("2027-03-04T23:00:00Z"));
        assertThat(window.monthsAfter()).isEqualTo(12);
        assertThat(window.complete()).isTrue();
    }

    @Test
    void aSplitStillToComeHasNoMonthsAfterIt() {
        Instant now = LocalDate.of(2026, 2, 1).atStartOfDay(AMSTERDAM).toInstant();
        SplitGains.RepeatWindow window = SplitGains.repeatWindow(SPLIT, AMSTERDAM, now);
        assertThat(window.to()).isEqualTo(SPLIT);
        assertThat(window.monthsAfter()).isZero();
        assertThat(window.complete()).isFalse();
    }
}
