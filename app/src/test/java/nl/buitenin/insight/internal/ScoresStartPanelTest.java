package nl.buitenin.insight.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import nl.buitenin.insight.Estimate;
import nl.buitenin.insight.Intervals;
import nl.buitenin.insight.ScoreHistograms;
import nl.buitenin.insight.ScoreScale;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.platform.StartFigure;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.Unique;

/**
 * The CX manager's scores per journey on a hand-counted set: two touchpoints of one journey whose NPS answers add up
 * to 15 promoters, 5 passives and 10 detractors; a CSAT of three answers (hidden under the small-cell rule); a week
 * of each touchpoint in the sparkline and nothing in the other weeks.
 */
@DatabaseTest
@AutoConfigureMockMvc
class ScoresStartPanelTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ScoreHistograms histograms;
    @Autowired
    ScoresStartPanel panel;

    @Test
    void aJourneysNpsSumsItsTouchpointsWithNIntervalAndAWeeklyTrend() throws Exception {
        String name = Unique.name("Wandelen");
        String journey = created(post("/api/v1/journeys"), "{\"nameNl\":\"" + name + "\",\"nameEn\":\"" + name + " en\"}");
        String stage = created(post("/api/v1/journeys/" + journey + "/stages"), "{\"nameNl\":\"Op pad\",\"nameEn\":\"On the way\"}");
        TouchpointId hut = TouchpointId.of(created(post("/api/v1/stages/" + stage + "/touchpoints"),
                "{\"nameNl\":\"Hut\",\"nameEn\":\"Hut\",\"channel\":\"LOCATION\"}"));
        TouchpointId phone = TouchpointId.of(created(post("/api/v1/stages/" + stage + "/touchpoints"),
                "{\"nameNl\":\"Telefoon\",\"nameEn\":\"Phone\",\"channel\":\"PHONE\"}"));
        LocalDate from = LocalDate.of(2025, 1, 6); // a Monday; twelve weeks to Sunday 30 March
        LocalDate to = from.plusWeeks(12).minusDays(1);
        // Week 1 at the hut: 10 promoters, 5 passives, 5 detractors (NPS 25).
        record(hut, from.plusDays(2), "nps", ScoreScale.NPS, 10, 10);
        record(hut, from.plusDays(2), "nps", ScoreScale.NPS, 8, 5);
        record(hut, from.plusDays(3), "nps", ScoreScale.NPS, 2, 5);
        // Week 3 on the phone, another NPS question: 5 promoters, 5 detractors (NPS 0).
        record(phone, from.plusWeeks(2), "nps-phone", ScoreScale.NPS, 9, 5);
        record(phone, from.plusWeeks(2), "nps-phone", ScoreScale.NPS, 0, 5);
        // Three CSAT answers: fewer than five people, so no score.
        record(hut, from.plusDays(1), "csat", ScoreScale.CSAT, 5, 3);
        // Outside the twelve weeks: not counted.
        record(hut, from.minusDays(1), "nps", ScoreScale.NPS, 0, 50);

        List<StartFigure> mine = panel.figures(from, to, Locale.forLanguageTag("nl")).stream()
                .filter(f -> f.label().args().equals(List.of(name))).toList();

        assertThat(mine).extracting(f -> f.label().key()).containsExactly("insight.start.nps", "insight.start.csat");
        StartFigure nps = mine.get(0);
        Estimate expected = Intervals.nps(15, 5, 10);
        assertThat(nps.n()).isEqualTo(30);
        assertThat(nps.value()).isEqualTo(100.0 * (15 - 10) / 30);
        assertThat(nps.lower()).isEqualTo(expected.lower());
        assertThat(nps.upper()).isEqualTo(expected.upper());
        assertThat(nps.format()).isEqualTo(StartFigure.Format.POINTS);
        assertThat(nps.link()).isEqualTo("/insight/journey-map");
        assertThat(nps.note()).isNull(); // 30 answers: not a small sample
        List<Double> trend = new ArrayList<>(nps.trend());
        assertThat(trend).hasSize(12);
        assertThat(trend.get(0)).isEqualTo(25.0);
        assertThat(trend.get(2)).isEqualTo(0.0);
        trend.remove(2);
        trend.remove(0);
        assertThat(trend).allMatch(v -> v.isNaN());
        StartFigure csat = mine.get(1);
        assertThat(csat.value()).isNull();
        assertThat(csat.n()).isNull();
        assertThat(csat.note().key()).isEqualTo("home.figure.hidden");
    }

    private void record(TouchpointId touchpoint, LocalDate day, String question, ScoreScale scale, int value, int times) {
        for (int i = 0; i < times; i++) {
            histograms.record(touchpoint, day, question, scale, value);
        }
    }

    private String created(MockHttpServletRequestBuilder request, String body) throws Exception {
        String response = mvc.perform(request.with(user("anouk").roles("ANALYST")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(response, "$.id");
    }
}
