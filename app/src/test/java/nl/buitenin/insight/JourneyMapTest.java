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

        String page = mvc.perform(get("/insight/journey-map").param("view", "table").param("from", "2026-02-01").param("to", "2026-02-28")
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

    /**
     * The small-cell rule (k = 5): a score of 1 to 4 answers is hidden on the map, in the API and in the weekly
     * trend, with neither n, score, interval nor distribution; 5 answers are shown; no answers say so.
     */
    @Test
    void aScoreOfFewerThanFiveAnswersIsHiddenOnTheMapAndInTheApi() throws Exception {
        String journey = created(post("/api/v1/journeys"), "{\"nameNl\":\"" + Unique.name("Klein") + "\",\"nameEn\":\"" + Unique.name("Small") + "\"}");
        String stage = created(post("/api/v1/journeys/" + journey + "/stages"), "{\"nameNl\":\"Na\",\"nameEn\":\"After\"}");
        TouchpointId hut = TouchpointId.of(created(post("/api/v1/stages/" + stage + "/touchpoints"),
                "{\"nameNl\":\"Hut\",\"nameEn\":\"Hut\",\"channel\":\"LOCATION\"}"));
        TouchpointId quiet = TouchpointId.of(created(post("/api/v1/stages/" + stage + "/touchpoints"),
                "{\"nameNl\":\"Stil\",\"nameEn\":\"Quiet\",\"channel\":\"EMAIL\"}"));
        LocalDate monday = LocalDate.of(2026, 3, 2);
        String prefix = "sc" + Unique.name("").replaceAll("[^a-z0-9]", "").toLowerCase(java.util.Locale.ROOT);
        // Question n1 has 1 answer, ..., n4 has 4 answers (all 10: an NPS of 100 if it were shown), n5 has 5.
        for (int n = 1; n <= 5; n++) {
            for (int i = 0; i < n; i++) {
                histograms.record(hut, monday, prefix + "-n" + n, ScoreScale.NPS, 10);
            }
        }
        // A CES question with 3 answers in the first week and 5 in the second: the first week is hidden, the second shown.
        for (int i = 0; i < 3; i++) {
            histograms.record(hut, monday, prefix + "-ces", ScoreScale.CES, 2);
        }
        for (int i = 0; i < 5; i++) {
            histograms.record(hut, monday.plusWeeks(1), prefix + "-ces", ScoreScale.CES, 6);
        }

        for (String language : new String[] {"en", "nl"}) {
            String page = mvc.perform(get("/insight/journey-map").param("view", "table").param("from", "2026-03-02").param("to", "2026-03-15")
                            .with(user("anouk").roles("ANALYST")).locale(java.util.Locale.forLanguageTag(language)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            for (int n = 1; n <= 4; n++) {
                String cell = cell(page, prefix + "-n" + n);
                assertThat(cell).as("n = %d", n)
                        .contains(language.equals("en") ? "fewer than 5 answers" : "minder dan 5 antwoorden")
                        .contains("n &lt; 5").doesNotContain("n = ").doesNotContain("100.0").doesNotContain("100,0")
                        .doesNotContain("class=\"estimate\"");
            }
            assertThat(cell(page, prefix + "-n5")).contains("n = 5").contains("class=\"estimate\"")
                    .contains(language.equals("en") ? "100.0" : "100,0")
                    .doesNotContain("n &lt; 5");
            // In total the CES question has 8 answers: shown.
            assertThat(cell(page, prefix + "-ces")).contains("n = 8").contains("class=\"estimate\"");
            String quietRow = row(page, quiet);
            assertThat(quietRow).contains(language.equals("en") ? "No answers in this period yet" : "Nog geen antwoorden in deze periode")
                    .doesNotContain("n &lt; 5");
        }

        for (int n = 1; n <= 4; n++) {
            mvc.perform(get("/api/v1/scores").param("touchpoint", hut.toString()).param("from", "2026-03-02").param("to", "2026-03-15")
                            .param("question", prefix + "-n" + n).param("groupBy", "total").with(user("anouk").roles("ANALYST")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.length()").value(1))
                    .andExpect(jsonPath("$[0].question").value(prefix + "-n" + n))
                    .andExpect(jsonPath("$[0].hidden").value(true))
                    .andExpect(jsonPath("$[0].fewerThan").value(5))
                    .andExpect(jsonPath("$[0].n").value(org.hamcrest.Matchers.nullValue()))
                    .andExpect(jsonPath("$[0].score").value(org.hamcrest.Matchers.nullValue()))
                    .andExpect(jsonPath("$[0].lower").value(org.hamcrest.Matchers.nullValue()))
                    .andExpect(jsonPath("$[0].upper").value(org.hamcrest.Matchers.nullValue()))
                    .andExpect(jsonPath("$[0].counts").value(org.hamcrest.Matchers.nullValue()));
        }
        mvc.perform(get("/api/v1/scores").param("touchpoint", hut.toString()).param("from", "2026-03-02").param("to", "2026-03-15")
                        .param("question", prefix + "-n5").param("groupBy", "total").with(user("anouk").roles("ANALYST")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].hidden").value(false))
                .andExpect(jsonPath("$[0].fewerThan").value(org.hamcrest.Matchers.nullValue()))
                .andExpect(jsonPath("$[0].n").value(5))
                .andExpect(jsonPath("$[0].score").value(100.0))
                .andExpect(jsonPath("$[0].counts[10]").value(5));
        // The weekly trend the map draws: the week of 3 answers hidden, the week of 5 shown.
        mvc.perform(get("/api/v1/scores").param("touchpoint", hut.toString()).param("from", "2026-03-02").param("to", "2026-03-15")
                        .param("question", prefix + "-ces").param("groupBy", "week").with(user("anouk").roles("ANALYST")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].period").value("2026-03-02"))
                .andExpect(jsonPath("$[0].hidden").value(true))
                .andExpect(jsonPath("$[0].score").value(org.hamcrest.Matchers.nullValue()))
                .andExpect(jsonPath("$[0].counts").value(org.hamcrest.Matchers.nullValue()))
                .andExpect(jsonPath("$[1].period").value("2026-03-09"))
                .andExpect(jsonPath("$[1].hidden").value(false))
                .andExpect(jsonPath("$[1].n").value(5))
                .andExpect(jsonPath("$[1].score").value(6.0));
        // Per day and summed over touchpoints the same rule holds.
        mvc.perform(get("/api/v1/scores").param("from", "2026-03-02").param("to", "2026-03-02").param("question", prefix + "-n2")
                        .param("groupBy", "day").param("perTouchpoint", "false").with(user("anouk").roles("ANALYST")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].hidden").value(true)).andExpect(jsonPath("$[0].n").value(org.hamcrest.Matchers.nullValue()));
        // No answers: no points at all.
        mvc.perform(get("/api/v1/scores").param("touchpoint", quiet.toString()).param("from", "2026-03-02").param("to", "2026-03-15")
                        .with(user("anouk").roles("ANALYST")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
    }

    /** The map's list item of one question. */
    private static String cell(String page, String question) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("data-question=\"" + java.util.regex.Pattern.quote(question)
                + "\"(.*?)</li>", java.util.regex.Pattern.DOTALL).matcher(page);
        assertThat(m.find()).as("a score of %s on the map", question).isTrue();
        return m.group(1);
    }

    /** The map's table row of one touchpoint. */
    private static String row(String page, TouchpointId touchpoint) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<tr data-touchpoint=\"" + touchpoint + "\"(.*?)</tr>",
                java.util.regex.Pattern.DOTALL).matcher(page);
        assertThat(m.find()).as("the row of %s on the map", touchpoint).isTrue();
        return m.group(1);
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
