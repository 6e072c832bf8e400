package nl.buitenin.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import nl.buitenin.organisation.Organisations;

/** The demo organisation's journeys and two years of interactions with a believable rhythm. */
@SpringBootTest(properties = "buitenin.demo.people=400")
@ActiveProfiles("demo")
class JourneyDemoTest {

    @Autowired
    Journeys journeys;
    @Autowired
    Touchpoints touchpoints;
    @Autowired
    Interactions interactions;
    @Autowired
    Organisations organisations;
    @Autowired
    JdbcClient jdbc;

    @Test
    void buitenpadHasItsWalkingHolidayAndComplaintJourneys() {
        List<Journey> all = journeys.all();
        assertThat(all).extracting(Journey::nameNl).contains("Wandelreis boeken en beleven", "Klacht en nazorg");
        Journey walking = all.stream().filter(j -> j.nameNl().startsWith("Wandelreis")).findFirst().orElseThrow();
        assertThat(walking.stages()).extracting(Stage::nameNl)
                .containsExactly("Oriënteren", "Boeken", "Voorbereiden", "Op reis", "Na de reis");
        assertThat(walking.touchpoints()).extracting(Touchpoint::channel).contains(Channel.WEB, Channel.PHONE, Channel.LOCATION,
                Channel.CHAT, Channel.SOCIAL, Channel.APP, Channel.EMAIL);
    }

    @Test
    void interactionsCoverTwoYearsWithSeasonsWeekdaysAndOfficeHours() {
        LocalDate today = LocalDate.now(organisations.current().timeZone());
        Map<TouchpointId, Long> twoYears = interactions.volumes(today.minusYears(2), today);
        long total = twoYears.values().stream().mapToLong(Long::longValue).sum();
        assertThat(total).isBetween(5_000L, 40_000L);

        Touchpoint guide = touchpoints.all().stream().filter(t -> t.nameNl().equals("Gids")).findFirst().orElseThrow();
        LocalDate may = today.minusYears(1).withMonth(5).withDayOfMonth(1);
        LocalDate january = today.minusYears(1).withMonth(1).withDayOfMonth(1);
        long inMay = count(guide, may, may.plusMonths(1).minusDays(1));
        long inJanuary = count(guide, january, january.plusMonths(1).minusDays(1));
        assertThat(inMay).as("guided walks in May vs January").isGreaterThan(5 * Math.max(1, inJanuary));

        Touchpoint phone = touchpoints.all().stream().filter(t -> t.nameNl().equals("Vragen per telefoon")).findFirst().orElseThrow();
        List<DailyVolume> phoneDays = interactions.dailyVolumes(List.of(phone.id()), today.minusYears(2), today);
        assertThat(phoneDays).isNotEmpty().noneMatch(d -> d.day().getDayOfWeek() == java.time.DayOfWeek.SUNDAY);

        // Phone calls fall in office hours, 09:00-17:00 in the organisation's time zone.
        List<Integer> utcHours = jdbc.sql("select occurred_at from interaction where touchpoint_id = :t")
                .param("t", phone.id().value())
                .query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class).atZoneSameInstant(organisations.current().timeZone()).getHour())
                .list();
        assertThat(utcHours).isNotEmpty().allMatch(h -> h >= 9 && h < 17);
    }

    @Test
    void contactsCarryReasonsAndSomePeopleComeBackAboutTheSameMatter() {
        long withReason = jdbc.sql("select count(*) from interaction where reason is not null").query(Long.class).single();
        long contacts = jdbc.sql("select count(*) from interaction where kind = 'CONTACT'").query(Long.class).single();
        assertThat(withReason).isGreaterThan(100).isLessThan(contacts);
        assertThat(jdbc.sql("select count(*) from interaction where reason is not null and kind <> 'CONTACT'").query(Long.class)
                .single()).isZero();
        Touchpoint guide = touchpoints.all().stream().filter(t -> t.nameNl().equals("Gids")).findFirst().orElseThrow();
        assertThat(jdbc.sql("select count(*) from interaction where reason is not null and touchpoint_id = :t")
                .param("t", guide.id().value()).query(Long.class).single()).isZero();

        // A repeat: the same person, the same reason code, within 14 days after an earlier contact about it.
        List<String> repeats = jdbc.sql("select source_id from interaction i where person_key is not null and reason is not null "
                        + "and exists (select 1 from interaction e where e.person_key = i.person_key and e.reason_code = i.reason_code "
                        + "and e.occurred_at < i.occurred_at and e.occurred_at >= i.occurred_at - interval '14' day)")
                .query(String.class).list();
        assertThat(repeats).hasSizeGreaterThan(10);
        assertThat(jdbc.sql("select count(distinct reason) from interaction where reason is not null").query(Long.class).single())
                .isGreaterThan(30);
    }

    private long count(Touchpoint touchpoint, LocalDate from, LocalDate to) {
        return interactions.dailyVolumes(List.of(touchpoint.id()), from, to).stream().mapToLong(DailyVolume::count).sum();
    }
}
