package nl.buitenin.textinsight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import nl.buitenin.journey.Channel;
import nl.buitenin.journey.JourneyId;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.internal.JdbcJourneys;
import nl.buitenin.journey.internal.Names;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.privacy.SmallCellRule;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.Unique;

/**
 * The share negative per week against a small set built by hand: per journey and for all, an analyst's correction
 * counted instead of the analyzer's label, contact reasons and texts outside the period left out, weeks cut at
 * Monday 00:00 in the organisation's time zone, a week of fewer people than the small-cell rule hidden and an empty
 * week empty. The interval is checked against the Wilson score interval computed here from its published formula
 * (Wilson 1927; Newcombe 1998, method 3), which is itself checked against Newcombe's worked example.
 */
@DatabaseTest
@AutoConfigureMockMvc
class SentimentTrendTest {

    /** The 97.5th percentile of the standard normal distribution. */
    private static final double Z = 1.959963984540054;

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JdbcJourneys journeys;
    @Autowired
    Organisations organisations;
    @Autowired
    SmallCellRule smallCells;

    ZoneId zone;

    @BeforeEach
    void zone() {
        zone = organisations.current().timeZone();
    }

    @Test
    void theWilsonFormulaOfThisTestGivesNewcombesWorkedExample() {
        // Newcombe (1998), Statistics in Medicine 17, table I: 81 of 263, score method 0.2553 to 0.3662.
        double[] interval = wilson(81, 263);
        assertThat(interval[0]).isCloseTo(0.2553, within(0.00005));
        assertThat(interval[1]).isCloseTo(0.3662, within(0.00005));
        // And 15 of 148: 0.0624 to 0.1605.
        assertThat(wilson(15, 148)[0]).isCloseTo(0.0624, within(0.00005));
        assertThat(wilson(15, 148)[1]).isCloseTo(0.1605, within(0.00005));
    }

    @Test
    void theShareNegativePerWeekMatchesACountByHand() throws Exception {
        assertThat(smallCells.k()).as("the set below is built for the default small-cell rule").isEqualTo(5);
        JourneyId walkingJourney = journeys.createJourney(new Names(Unique.name("Wandelen"), Unique.name("Walking")));
        JourneyId cyclingJourney = journeys.createJourney(new Names(Unique.name("Fietsen"), Unique.name("Cycling")));
        TouchpointId[] walking = touchpoints(walkingJourney, 2);
        TouchpointId[] cycling = touchpoints(cyclingJourney, 1);
        // Weeks of 2012 (years before any other test's texts): Monday 7 May, 14 May, 21 May.
        LocalDate week1 = LocalDate.of(2012, 5, 7);
        LocalDate week2 = week1.plusWeeks(1);
        LocalDate week3 = week2.plusWeeks(1);

        // Week 1, walking: 7 texts over two touchpoints, 3 negative: two read so and one corrected to negative. A negative
        // contact reason is no opinion and is left out.
        text(walking[0], "COMMENT", at(week1, 10), "negative", null);
        text(walking[0], "CASE", at(week1.plusDays(2), 9), "negative", null);
        text(walking[1], "NOTE", at(week1.plusDays(3), 15), "positive", "negative");
        text(walking[0], "COMMENT", at(week1.plusDays(5), 12), "positive", null);
        text(walking[0], "COMMENT", at(week1.plusDays(5), 13), "neutral", null);
        text(walking[1], "COMMENT", at(week1.plusDays(6), 8), "positive", null);
        // Sunday 23:30 in the organisation's zone still belongs to week 1.
        text(walking[1], "COMMENT", week1.plusDays(6).atTime(23, 30).atZone(zone).toOffsetDateTime(), "positive", null);
        text(walking[0], "CONTACT_REASON", at(week1.plusDays(1), 11), "negative", null);
        // Week 1, cycling: 6 texts, 1 negative.
        for (int i = 0; i < 5; i++) {
            text(cycling[0], "COMMENT", at(week1.plusDays(i), 14), "positive", null);
        }
        text(cycling[0], "COMMENT", at(week1.plusDays(1), 16), "negative", null);
        // Week 2, walking: 2 texts (a small cell); Monday 00:30 in the organisation's zone starts week 2.
        text(walking[0], "COMMENT", week2.atTime(0, 30).atZone(zone).toOffsetDateTime(), "negative", null);
        text(walking[0], "COMMENT", at(week2.plusDays(1), 10), "negative", null);
        // Week 2, cycling: 11 texts, 5 negative; one more read negative was corrected to neutral and does not count.
        for (int i = 0; i < 10; i++) {
            text(cycling[0], "NOTE", at(week2.plusDays(i % 7), 11 + i % 3), i < 5 ? "negative" : "neutral", null);
        }
        text(cycling[0], "COMMENT", at(week2.plusDays(3), 17), "negative", "neutral");
        // Week 3: nothing. Before the period: a negative text that must not count.
        text(walking[0], "COMMENT", at(week1.minusDays(1), 12), "negative", null);
        text(walking[0], "COMMENT", at(week3.plusWeeks(1), 12), "negative", null);

        // Asked from a Wednesday to a Tuesday: widened to whole weeks, Monday 7 May to Sunday 27 May.
        String walkingTrend = trend("2012-05-09", "2012-05-22", walkingJourney.value().toString());
        assertThat((String) JsonPath.read(walkingTrend, "$.from")).isEqualTo("2012-05-07");
        assertThat((String) JsonPath.read(walkingTrend, "$.to")).isEqualTo("2012-05-27");
        assertThat((String) JsonPath.read(walkingTrend, "$.journey")).isEqualTo(walkingJourney.value().toString());
        List<Map<String, Object>> walkingWeeks = JsonPath.read(walkingTrend, "$.weeks");
        assertThat(walkingWeeks).hasSize(3);
        assertWeek(walkingWeeks.get(0), "2012-05-07", 3, 7);
        assertHidden(walkingWeeks.get(1), "2012-05-14");
        assertEmpty(walkingWeeks.get(2), "2012-05-21");

        List<Map<String, Object>> cyclingWeeks = JsonPath.read(trend("2012-05-07", "2012-05-27", cyclingJourney.value().toString()), "$.weeks");
        assertWeek(cyclingWeeks.get(0), "2012-05-07", 1, 6);
        assertWeek(cyclingWeeks.get(1), "2012-05-14", 5, 11);

        // All journeys: week 1 is 4 of 13, week 2 is 7 of 13 (the small walking cell counts in the whole).
        String all = trend("2012-05-07", "2012-05-27", null);
        assertThat((Object) JsonPath.read(all, "$.journey")).isNull();
        List<Map<String, Object>> allWeeks = JsonPath.read(all, "$.weeks");
        assertWeek(allWeeks.get(0), "2012-05-07", 4, 13);
        assertWeek(allWeeks.get(1), "2012-05-14", 7, 13);
        assertEmpty(allWeeks.get(2), "2012-05-21");
    }

    @Test
    void wrongParametersAreNamed() throws Exception {
        mvc.perform(get("/api/v1/sentiment/trend").param("from", "7 mei").param("to", "2012-05-01").param("journey", "wandelen")
                        .with(user("anouk").roles("ANALYST")).header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"))
                .andExpect(jsonPath("$.errors[0].message").value("is not a date like 2026-03-01: 7 mei"))
                .andExpect(jsonPath("$.errors[1].field").value("journey"));
        mvc.perform(get("/api/v1/sentiment/trend").param("from", "2012-05-08").param("to", "2012-05-01")
                        .with(user("anouk").roles("ANALYST")).header("Accept-Language", "nl"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"))
                .andExpect(jsonPath("$.errors[0].message").value("mag niet vóór de begindatum liggen"));
        mvc.perform(get("/api/v1/sentiment/trend").param("from", "2010-01-01").param("to", "2012-05-01")
                        .with(user("anouk").roles("ANALYST")).header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("a trend spans at most 106 weeks"));
        mvc.perform(get("/api/v1/sentiment/trend").param("journey", UUID.randomUUID().toString())
                        .with(user("anouk").roles("ANALYST")))
                .andExpect(status().isNotFound());
    }

    @Test
    void theTrendIsDocumentedInOpenApi() throws Exception {
        String json = mvc.perform(get("/v3/api-docs").with(user("reader").roles("ADMIN"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat((Object) JsonPath.read(json, "$.paths['/api/v1/sentiment/trend'].get")).isNotNull();
        Map<String, Object> week = JsonPath.read(json, "$.components.schemas.SentimentTrendWeek.properties");
        assertThat(week).containsKeys("week", "n", "negative", "share", "lower", "upper", "hidden", "fewerThan");
    }

    private void assertWeek(Map<String, Object> week, String monday, int negative, int n) {
        double[] expected = wilson(negative, n);
        assertThat(week.get("week")).isEqualTo(monday);
        assertThat(((Number) week.get("n")).longValue()).as("n of week %s", monday).isEqualTo(n);
        assertThat(((Number) week.get("negative")).longValue()).as("negative in week %s", monday).isEqualTo(negative);
        assertThat(((Number) week.get("share")).doubleValue()).isCloseTo(100.0 * negative / n, within(1e-9));
        assertThat(((Number) week.get("lower")).doubleValue()).isCloseTo(100 * expected[0], within(1e-9));
        assertThat(((Number) week.get("upper")).doubleValue()).isCloseTo(100 * expected[1], within(1e-9));
        assertThat(week.get("hidden")).isEqualTo(false);
    }

    private void assertHidden(Map<String, Object> week, String monday) {
        assertThat(week.get("week")).isEqualTo(monday);
        assertThat(week.get("hidden")).isEqualTo(true);
        assertThat(week.get("fewerThan")).isEqualTo(5);
        assertThat(week.get("n")).isNull();
        assertThat(week.get("negative")).isNull();
        assertThat(week.get("share")).isNull();
    }

    private void assertEmpty(Map<String, Object> week, String monday) {
        assertThat(week.get("week")).isEqualTo(monday);
        assertThat(((Number) week.get("n")).longValue()).isZero();
        assertThat(week.get("share")).isNull();
        assertThat(week.get("hidden")).isEqualTo(false);
    }

    /** Wilson's score interval for x of n, written out from the formula: centre ± half-width, both over 1 + z²/n. */
    private static double[] wilson(long x, long n) {
        double p = (double) x / n;
        double denominator = 1 + Z * Z / n;
        double centre = p + Z * Z / (2.0 * n);
        double spread = Z * Math.sqrt(p * (1 - p) / n + Z * Z / (4.0 * n * n));
        return new double[] {(centre - spread) / denominator, (centre + spread) / denominator};
    }

    private String trend(String from, String to, String journey) throws Exception {
        var request = get("/api/v1/sentiment/trend").param("from", from).param("to", to).with(user("anouk").roles("ANALYST"));
        if (journey != null) {
            request = request.param("journey", journey);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private TouchpointId[] touchpoints(JourneyId journey, int touchpoints) {
        var stage = journeys.addStage(journey, new Names("Onderweg", "On the way"));
        TouchpointId[] ids = new TouchpointId[touchpoints];
        for (int i = 0; i < touchpoints; i++) {
            ids[i] = journeys.addTouchpoint(stage, new Names(Unique.name("Punt"), Unique.name("Point")), Channel.LOCATION, null);
        }
        return ids;
    }

    private OffsetDateTime at(LocalDate day, int hour) {
        return LocalDateTime.of(day, LocalTime.of(hour, 0)).atZone(zone).toOffsetDateTime();
    }

    private void text(TouchpointId touchpoint, String kind, OffsetDateTime writtenAt, String label, String corrected) {
        jdbc.sql("insert into textinsight_analysis (source_kind, source_ref, touchpoint_id, written_at, language, sentiment, label, "
                        + "corrected_label, corrected_by, corrected_at, analysed_at) values (:kind, :ref, :touchpoint, :at, 'nl', 0, :label, "
                        + ":corrected, :by, :correctedAt, :at)")
                .param("kind", kind).param("ref", UUID.randomUUID().toString()).param("touchpoint", touchpoint.value()).param("at", writtenAt)
                .param("label", label).param("corrected", corrected).param("by", corrected == null ? null : "anouk")
                .param("correctedAt", corrected == null ? null : writtenAt.plusDays(1)).update();
    }
}
