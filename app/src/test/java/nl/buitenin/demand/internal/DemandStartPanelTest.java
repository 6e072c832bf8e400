package nl.buitenin.demand.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.buitenin.demand.ContactVolume;
import nl.buitenin.demand.internal.volume.JdbcContactVolumes;
import nl.buitenin.demand.internal.volume.SeriesKey;
import nl.buitenin.journey.Channel;
import nl.buitenin.testing.DatabaseTest;

/**
 * Today so far on a hand-built series: six weeks of exactly 10 contacts in each quarter from 09:00 to 10:00 and none
 * otherwise, so every forecast method expects 10 per quarter; today 7 and 12 came in at 09:00 and 09:15. At 09:40 two
 * quarters have ended: 19 counted against 20 expected (the quarter under way is not yet compared).
 */
@DatabaseTest
class DemandStartPanelTest {

    @Autowired
    DemandFigures figures;
    @Autowired
    JdbcContactVolumes volumes;

    @Test
    void todaysCountsSoFarStandNextToTheForecastForTheSameIntervals() {
        String location = "Start-" + UUID.randomUUID().toString().substring(0, 8);
        ZoneId zone = figures.zone();
        int minutes = figures.intervalMinutes();
        LocalDate today = LocalDate.now(zone).minusDays(1); // a whole day before the real now, so its counts are not in the future
        List<ContactVolume> counts = new ArrayList<>();
        for (int d = 42; d >= 1; d--) {
            for (LocalTime t = LocalTime.of(9, 0); t.isBefore(LocalTime.of(10, 0)); t = t.plusMinutes(minutes)) {
                counts.add(new ContactVolume(Channel.CHAT, location, today.minusDays(d).atTime(t).atZone(zone).toInstant(), 10, null, null,
                        null, null));
            }
        }
        counts.add(new ContactVolume(Channel.CHAT, location, today.atTime(9, 0).atZone(zone).toInstant(), 7, null, null, null, null));
        counts.add(new ContactVolume(Channel.CHAT, location, today.atTime(9, 15).atZone(zone).toInstant(), 12, null, null, null, null));
        volumes.record(counts);
        SeriesKey series = new SeriesKey(Channel.CHAT, location);

        DemandFigures.TodaySoFar soFar = figures.todaySoFar(series, today.atTime(9, 40).atZone(zone).toInstant()).orElseThrow();

        int ended = (9 * 60 + 40) / minutes;
        assertThat(soFar.actual()).hasSize(ended);
        assertThat(soFar.actualTotal()).isEqualTo(19);
        assertThat(soFar.forecastTotal()).isCloseTo(minutes == 15 ? 20 : 10 * (40 / minutes), within(1e-6));
        assertThat(soFar.actual().get(9 * 60 / minutes)).isEqualTo(7);
        assertThat(soFar.forecast().get(9 * 60 / minutes)).isCloseTo(10, within(1e-6));
        assertThat(soFar.forecast().get(8 * 60 / minutes)).isCloseTo(0, within(1e-6));
    }

    @Test
    void aSeriesWithoutCountsTodayHasNothingSoFar() {
        String location = "Quiet-" + UUID.randomUUID().toString().substring(0, 8);
        ZoneId zone = figures.zone();
        LocalDate day = LocalDate.now(zone).minusDays(3);
        volumes.record(List.of(new ContactVolume(Channel.CHAT, location, day.atTime(9, 0).atZone(zone).toInstant(), 5, null, null, null, null)));
        assertThat(figures.todaySoFar(new SeriesKey(Channel.CHAT, location), day.plusDays(1).atTime(12, 0).atZone(zone).toInstant())).isEmpty();
    }
}
