package nl.buitenin.signals.internal.missed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.buitenin.journey.Channel;

/** The counts of missed sales against hand-counted data. */
class MissedSaleFiguresTest {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    static MissedSaleFigures.Row row(String asked, Channel channel, String location, MissedReason reason, String person, String at) {
        return new MissedSaleFigures.Row(AskedFor.key(asked), asked, channel, location, reason, person, Instant.parse(at));
    }

    /*
     * Week of Monday 2 March 2026 and of Monday 9 March 2026 (CET, UTC+1). Sunday 8 March 23:30 UTC is Monday 9 March
     * 00:30 in Amsterdam, so it counts in the second week.
     */
    static final List<MissedSaleFigures.Row> ROWS = List.of(
            row("Cuba", Channel.LOCATION, "Utrecht", MissedReason.NOT_IN_RANGE, null, "2026-03-02T09:00:00Z"),
            row("cuba", Channel.PHONE, null, MissedReason.NOT_IN_RANGE, "p_a", "2026-03-03T09:00:00Z"),
            row(" CUBA ", Channel.PHONE, null, MissedReason.TOO_EXPENSIVE, "p_a", "2026-03-08T23:30:00Z"),
            row("Cuba", Channel.LOCATION, "Utrecht", MissedReason.NOT_IN_RANGE, null, "2026-03-10T09:00:00Z"),
            row("wandelreis  met kinderen", Channel.WEB, null, MissedReason.NOT_IN_RANGE, "p_b", "2026-03-04T09:00:00Z"),
            row("Wandelreis met kinderen", Channel.LOCATION, "Zwolle", MissedReason.NOT_IN_RANGE, "p_c", "2026-03-11T09:00:00Z"),
            row("rolstoeltoegankelijk", Channel.LOCATION, "Utrecht", MissedReason.NOT_POSSIBLE, "p_b", "2026-03-12T09:00:00Z"));

    @Test
    void normalFormIgnoresCaseAndSpacingOnly() {
        assertThat(AskedFor.key("  Wandelreis\u00A0 met\tKinderen ")).isEqualTo("wandelreis met kinderen");
        assertThat(AskedFor.key("Cubá")).isNotEqualTo(AskedFor.key("Cuba"));
        assertThat(AskedFor.tidy("  Cuba   reis ")).isEqualTo("Cuba reis");
    }

    @Test
    void weeksRunMondayToSundayInTheOrganisationsZoneWithEmptyWeeksAndDistinctAskers() {
        List<MissedSaleFigures.Week> weeks = MissedSaleFigures.weekly(ROWS, LocalDate.of(2026, 3, 4), LocalDate.of(2026, 3, 18), AMSTERDAM);
        // Week 2 March: Cuba (anonymous), cuba (p_a), kinderen (p_b): 3 missed, 3 askers.
        // Week 9 March: CUBA (p_a, Sunday night UTC), Cuba (anonymous), kinderen (p_c), rolstoel (p_b): 4 missed, 4 askers.
        // Week 16 March: nothing.
        assertThat(weeks).extracting(MissedSaleFigures.Week::monday, w -> w.count().missed(), w -> w.count().askers()).containsExactly(
                tuple(LocalDate.of(2026, 3, 2), 3L, 3L),
                tuple(LocalDate.of(2026, 3, 9), 4L, 4L),
                tuple(LocalDate.of(2026, 3, 16), 0L, 0L));
        // All together p_a asked twice: 7 missed sales by 2 anonymous askers and p_a, p_b, p_c.
        assertThat(MissedSaleFigures.count(ROWS)).isEqualTo(new MissedSaleFigures.Count(7, 5));
    }

    @Test
    void topCountsByNormalFormWithTheMostUsedSpellingAndReasons() {
        List<MissedSaleFigures.Thing> top = MissedSaleFigures.top(ROWS, 2);
        assertThat(top).extracting(MissedSaleFigures.Thing::key, MissedSaleFigures.Thing::label, t -> t.count().missed(),
                t -> t.count().askers()).containsExactly(
                        tuple("cuba", "Cuba", 4L, 3L),
                        tuple("wandelreis met kinderen", "Wandelreis met kinderen", 2L, 2L));
        assertThat(top.get(0).reasons()).containsExactly(Map.entry(MissedReason.NOT_IN_RANGE, 3L), Map.entry(MissedReason.TOO_EXPENSIVE, 1L));
        assertThat(MissedSaleFigures.top(ROWS, 10)).extracting(MissedSaleFigures.Thing::key).last().isEqualTo("rolstoeltoegankelijk");
    }

    @Test
    void perChannelAndPerLocation() {
        assertThat(MissedSaleFigures.byChannel(ROWS)).extracting(MissedSaleFigures.Group::key, g -> g.count().missed(), g -> g.count().askers())
                .containsExactly(tuple(Channel.LOCATION, 4L, 4L), tuple(Channel.PHONE, 2L, 1L), tuple(Channel.WEB, 1L, 1L));
        assertThat(MissedSaleFigures.byLocation(ROWS)).extracting(MissedSaleFigures.Group::key, g -> g.count().missed(), g -> g.count().askers())
                .containsExactly(tuple("", 3L, 2L), tuple("Utrecht", 3L, 3L), tuple("Zwolle", 1L, 1L));
    }
}
