package nl.buitenin.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import nl.buitenin.journey.TouchpointId;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.Unique;

@DatabaseTest
@AutoConfigureMockMvc
class JourneyMapTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ScoreHistograms histograms;

    @Test
    void theMapShowsEachScoreWithNAndItsIntervalAndFlagsSmallSamples() throws Exception {
        String journey = created(post("/api/v1/journeys"), "{\"nameNl\":\"" + Unique.name("Boeken") + "\",\"nameEn\":\"" + Unique.name("Trip <b>booking</b>") + "\"}");
        String stage = created(post("/api/v1/journeys/" + journey + "/stages"), "{\"nameNl\":\"Boeken\",\"nameEn\":\"Book\"}");
        TouchpointId phone = TouchpointId.of(created(post("/api/v1/stages/" + stage + "/touchpoints"),
                "{\"nameNl\":\"Telefoon\",\"nameEn\":\"Phone\",\"channel\":\"PHONE\"}"));
        LocalDate day = LocalDate.of(2026, 2, 4);
        // 40 NPS answers: 20 promoters (10), 10 passives (8), 10 detractors (3): NPS 25.
        for (int i = 0; i < 40; i++) {
            histograms.record(phone, day, "nps", ScoreScale.NPS, i < 20 ? 10 : i < 30 ? 8 : 3);
        }
        // 5 CSAT answers, 4 satisfied: 80 %, flagged as a small sample.
        for (int value : new int[] {5, 4, 4, 5, 2}) {
            histograms.record(phone, day, "csat", ScoreScale.CSAT, value);
        }
        Estimate nps = Intervals.nps(20, 10, 10);

        String page = mvc.perform(get("/insight/journey-map").param("from", "2026-02-01").param("to", "2026-02-28")
                        .with(user("anouk").roles("ANALYST")).locale(java.util.Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Trip &lt;b&gt;booking&lt;/b&gt;").doesNotContain("Trip <b>booking</b>");
        assertThat(page).contains("25.0 (95%: " + String.format(java.util.Locale.ENGLISH, "%.1f", nps.lower()) + " to "
                + String.format(java.util.Locale.ENGLISH, "%.1f", nps.upper()) + ")");
        assertThat(page).contains("n = 40").contains("n = 5").contains("fewer than 30 answers");

        mvc.perform(get("/api/v1/scores").param("touchpoint", phone.toString()).param("from", "2026-02-01").param("to", "2026-02-28")
                        .param("question", "nps").with(user("anouk").roles("ANALYST")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].period").value("2026-02-02"))
                .andExpect(jsonPath("$[0].n").value(40))
                .andExpect(jsonPath("$[0].score").value(25.0))
                .andExpect(jsonPath("$[0].smallSample").value(false));
    }

    @Test
    void aBadSliceIsRefusedNamingTheParameter() throws Exception {
        mvc.perform(get("/api/v1/scores").param("groupBy", "year").with(user("anouk").roles("ANALYST")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("groupBy"));
        mvc.perform(get("/api/v1/scores").param("from", "2026-03-01").param("to", "2026-02-01").with(user("anouk").roles("ANALYST")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("to"));
    }

    private String created(MockHttpServletRequestBuilder request, String body) throws Exception {
        String response = mvc.perform(request.with(user("anouk").roles("ANALYST")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(response, "$.id");
    }
}
