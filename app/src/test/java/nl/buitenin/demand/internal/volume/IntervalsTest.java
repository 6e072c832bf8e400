package nl.buitenin.demand.internal.volume;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.buitenin.journey.Channel;

class IntervalsTest {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @Test
    void theDayTheClocksGoForwardHasNinetyTwoQuarters() {
        List<ZonedDateTime> starts = Intervals.startsOf(LocalDate.of(2026, 3, 29), AMSTERDAM, 15);
        assertThat(starts).hasSize(92);
        // 01:45 CET is followed by 03:00 CEST: 02:00 to 03:00 does not exist.
        assertThat(starts.get(7).toLocalTime()).hasToString("01:45");
        assertThat(starts.get(8).toLocalTime()).hasToString("03:00");
        assertThat(Intervals.startsOf(LocalDate.of(2026, 3, 29), AMSTERDAM, 30)).hasSize(46);
    }

    @Test
    void theDayTheClocksGoBackHasOneHundredQuartersAndTheRepeatedHourIsKeptApart() {
        List<ZonedDateTime> starts = Intervals.startsOf(LocalDate.of(2026, 10, 25), AMSTERDAM, 15);
        assertThat(starts).hasSize(100);
        assertThat(starts.get(8).toOffsetDateTime()).isEqualTo(OffsetDateTime.parse("2026-10-25T02:00+02:00"));
        assertThat(starts.get(12).toOffsetDateTime()).isEqualTo(OffsetDateTime.parse("2026-10-25T02:00+01:00"));
        // 02:40 in the second (winter-time) pass floors to 02:30 winter time, one hour after 02:30 summer time.
        ZonedDateTime secondPass = OffsetDateTime.parse("2026-10-25T01:40Z").atZoneSameInstant(AMSTERDAM);
        assertThat(Intervals.floor(secondPass, 15).toInstant()).isEqualTo(OffsetDateTime.parse("2026-10-25T01:30Z").toInstant());
        ZonedDateTime firstPass = OffsetDateTime.parse("2026-10-25T00:40Z").atZoneSameInstant(AMSTERDAM);
        assertThat(Intervals.floor(firstPass, 15).toInstant()).isEqualTo(OffsetDateTime.parse("2026-10-25T00:30Z").toInstant());
    }

    @Test
    void anOrdinaryDayHasNinetySixQuartersAndFloorsOnTheLocalClock() {
        assertThat(Intervals.startsOf(LocalDate.of(2026, 6, 1), AMSTERDAM, 15)).hasSize(96);
        ZonedDateTime moment = ZonedDateTime.of(2026, 6, 1, 9, 44, 59, 0, AMSTERDAM);
        assertThat(Intervals.floor(moment, 30).toLocalTime()).hasToString("09:30");
        // India is 5:30 ahead of UTC: flooring on UTC would give 09:15 local for a 30-minute interval.
        ZonedDateTime kolkata = ZonedDateTime.of(2026, 6, 1, 9, 44, 0, 0, ZoneId.of("Asia/Kolkata"));
        assertThat(Intervals.floor(kolkata, 30).toLocalTime()).hasToString("09:30");
        assertThat(Intervals.floor(kolkata, 30).getOffset()).isEqualTo(ZoneOffset.ofHoursMinutes(5, 30));
    }

    @Test
    void csvRefusesLocalTimesThatDoNotExistOrAreAmbiguousAndNamesTheLine() throws Exception {
        String csv = """
                channel,location,date,interval_start,offered,handled
                phone,Utrecht,2026-03-29,02:15,4,4
                phone,Utrecht,2026-10-25,02:15,3,3
                phone,Utrecht,2026-10-25T02:15+01:00,,5,5
                phone,Utrecht,2026-06-01,08:15,12,13
                fax,Utrecht,2026-06-01,08:30,1,1
                phone,Utrecht,2026-06-01,08:45,many,1
                phone,Utrecht,2026-06-01,09:00,7,6
                """;
        VolumeCsv.Result result = VolumeCsv.read(new StringReader(csv), AMSTERDAM, null, null, l -> { });
        assertThat(result.errors()).extracting(VolumeCsv.RowError::line).containsExactly(2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(result.errors().get(0).message()).contains("does not exist");
        assertThat(result.errors().get(1).message()).contains("occurs twice");
        assertThat(result.errors().get(3).column()).isEqualTo("handled");
        assertThat(result.errors().get(4).column()).isEqualTo("channel");
        assertThat(result.errors().get(5).message()).contains("'many' is not a whole number");
        assertThat(result.rows()).singleElement().satisfies(row -> {
            assertThat(row.channel()).isEqualTo(Channel.PHONE);
            assertThat(row.start().toOffsetDateTime()).isEqualTo(OffsetDateTime.parse("2026-06-01T09:00+02:00"));
            assertThat(row.offered()).isEqualTo(7);
        });
    }

    @Test
    void anIsoMomentInTheRepeatedHourIsAccepted() throws Exception {
        String csv = "interval_start,offered\n2026-10-25T02:15+01:00,5\n2026-10-25T02:15+02:00,6\n";
        VolumeCsv.Result result = VolumeCsv.read(new StringReader(csv), AMSTERDAM, Channel.PHONE, "Utrecht", l -> { });
        assertThat(result.errors()).isEmpty();
        assertThat(result.rows()).extracting(r -> r.start().toInstant().toString())
                .containsExactly("2026-10-25T01:15:00Z", "2026-10-25T00:15:00Z");
    }
}
