package nl.buitenin.textinsight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import nl.buitenin.insight.Estimate;
import nl.buitenin.insight.Intervals;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.Unique;

/**
 * The journey map shows per touchpoint the share of negative texts (comments, case texts, notes) written in the
 * period, with n and its Wilson interval: an analyst's corrected label counts instead of the analyzer's, contact
 * reasons and texts outside the period do not count.
 */
@DatabaseTest
@AutoConfigureMockMvc
class NegativeShareOnTheMapTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theMapShowsTheShareOfNegativeTextsPerTouchpointWithItsInterval() throws Exception {
        String journey = created(post("/api/v1/journeys"), "{\"nameNl\":\"" + Unique.name("Lezen") + "\",\"nameEn\":\"" + Unique.name("Reading") + "\"}");
        String stage = created(post("/api/v1/journeys/" + journey + "/stages"), "{\"nameNl\":\"Reis\",\"nameEn\":\"Trip\"}");
        UUID touchpoint = UUID.fromString(created(post("/api/v1/stages/" + stage + "/touchpoints"),
                "{\"nameNl\":\"Hut\",\"nameEn\":\"Hut\",\"channel\":\"LOCATION\"}"));
        OffsetDateTime inPeriod = OffsetDateTime.of(2026, 5, 12, 10, 0, 0, 0, ZoneOffset.UTC);
        analysis(touchpoint, "COMMENT", inPeriod, "negative", null);
        analysis(touchpoint, "COMMENT", inPeriod, "negative", null);
        analysis(touchpoint, "NOTE", inPeriod, "negative", null);
        analysis(touchpoint, "COMMENT", inPeriod, "negative", "positive");
        analysis(touchpoint, "CASE", inPeriod, "positive", "negative");
        analysis(touchpoint, "COMMENT", inPeriod, "neutral", null);
        analysis(touchpoint, "CONTACT_REASON", inPeriod, "negative", null);
        analysis(touchpoint, "COMMENT", inPeriod.minusMonths(3), "negative", null);
        // Negative: three as read, one corrected to negative; one corrected away, one neutral: 4 of 6.
        Estimate expected = Intervals.share(4, 6);

        String page = mvc.perform(get("/insight/journey-map").param("view", "table").param("from", "2026-05-01").param("to", "2026-05-31")
                        .with(user("anouk").roles("ANALYST")).locale(Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Negative in what people wrote").doesNotContain("textinsight.share.negative");
        Matcher row = Pattern.compile("<tr data-touchpoint=\"" + touchpoint + "\"(.*?)</tr>", Pattern.DOTALL).matcher(page);
        assertThat(row.find()).isTrue();
        assertThat(row.group(1)).contains(String.format(Locale.ENGLISH, "67%% (95%%: %.0f to %.0f%%)", expected.lower(), expected.upper()))
                .contains("n = 6");
    }

    private void analysis(UUID touchpoint, String kind, OffsetDateTime writtenAt, String label, String corrected) {
        jdbc.sql("insert into textinsight_analysis (source_kind, source_ref, touchpoint_id, written_at, language, sentiment, label, "
                        + "corrected_label, corrected_by, corrected_at, analysed_at) values (:kind, :ref, :touchpoint, :at, 'nl', 0, :label, "
                        + ":corrected, :by, :correctedAt, :at)")
                .param("kind", kind).param("ref", UUID.randomUUID().toString()).param("touchpoint", touchpoint).param("at", writtenAt)
                .param("label", label).param("corrected", corrected).param("by", corrected == null ? null : "anouk")
                .param("correctedAt", corrected == null ? null : writtenAt.plusDays(1)).update();
    }

    private String created(MockHttpServletRequestBuilder request, String body) throws Exception {
        String response = mvc.perform(request.with(user("anouk").roles("ANALYST")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(response, "$.id");
    }
}
