package nl.buitenin.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class PublicHolidaysTest {

    @Test
    void easterSundayMatchesKnownDates() {
        // Known Easter Sundays, including the extremes 22 March (1818) and 25 April (1943, 2038).
        assertThat(PublicHolidays.easterSunday(1818)).isEqualTo(LocalDate.of(1818, 3, 22));
        assertThat(PublicHolidays.easterSunday(1943)).isEqualTo(LocalDate.of(1943, 4, 25));
        assertThat(PublicHolidays.easterSunday(2003)).isEqualTo(LocalDate.of(2003, 4, 20));
        assertThat(PublicHolidays.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(PublicHolidays.easterSunday(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
        assertThat(PublicHolidays.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(PublicHolidays.easterSunday(2038)).isEqualTo(LocalDate.of(2038, 4, 25));
    }

    @Test
    void kingsDayMovesToSaturdayWhenItFallsOnSunday() {
        assertThat(PublicHolidays.kingsDay(2025)).isEqualTo(LocalDate.of(2025, 4, 26)); // 27 April 2025 was a Sunday
        assertThat(PublicHolidays.kingsDay(2026)).isEqualTo(LocalDate.of(2026, 4, 27));
        assertThat(PublicHolidays.kingsDay(2006)).isEqualTo(LocalDate.of(2006, 4, 29)); // Koninginnedag, 30 April a Sunday
        assertThat(PublicHolidays.kingsDay(2013)).isEqualTo(LocalDate.of(2013, 4, 30));
    }

    @Test
    void theHolidaysOf2026() {
        assertThat(PublicHolidays.of(2026)).containsKeys(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 3), LocalDate.of(2026, 4, 5),
                LocalDate.of(2026, 4, 6), LocalDate.of(2026, 4, 27), LocalDate.of(2026, 5, 5), LocalDate.of(2026, 5, 14),
                LocalDate.of(2026, 5, 24), LocalDate.of(2026, 5, 25), LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 26));
        assertThat(PublicHolidays.of(2026)).hasSize(11);
        assertThat(PublicHolidays.isHoliday(LocalDate.of(2026, 5, 14))).isTrue(); // Hemelvaartsdag
        assertThat(PublicHolidays.isHoliday(LocalDate.of(2026, 5, 13))).isFalse();
    }

    @Test
    void daysOffFollowTheAlgemeneTermijnenwet() {
        assertThat(PublicHolidays.isDayOff(LocalDate.of(2026, 4, 6))).isTrue(); // Tweede Paasdag
        assertThat(PublicHolidays.isDayOff(LocalDate.of(2026, 4, 27))).isTrue(); // Koningsdag
        assertThat(PublicHolidays.isDayOff(LocalDate.of(2026, 5, 5))).isTrue(); // Bevrijdingsdag
        assertThat(PublicHolidays.isDayOff(LocalDate.of(2026, 4, 3))).isFalse(); // Goede Vrijdag
        assertThat(PublicHolidays.isDayOff(LocalDate.of(2026, 4, 7))).isFalse();
    }
}
