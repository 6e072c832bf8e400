package nl.buitenin.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import nl.buitenin.journey.TouchpointId;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.Unique;

/**
 * A share another module counts per touchpoint ({@link TouchpointShares}) appears on the journey map with its n and
 * Wilson interval per touchpoint and summed per stage, hidden under the small-cell rule, with its name (not its key).
 */
@DatabaseTest
@AutoConfigureMockMvc
@Import(JourneyMapSharesTest.CountedShares.class)
class JourneyMapSharesTest {

    static final Map<TouchpointId, ShareCount> COUNTS = new ConcurrentHashMap<>();

    @TestConfiguration
    static class CountedShares {
        @Bean
        TouchpointShares failureDemandForTheTest() {
            return new TouchpointShares() {
                @Override
                public String nameKey() {
                    return "journeyMap.volume";
                }

                @Override
                public int order() {
                    return 1;
                }

                @Override
                public Map<TouchpointId, ShareCount> count(LocalDate from, LocalDate to) {
                    return Map.copyOf(COUNTS);
                }
            };
        }
    }

    @Autowired
    MockMvc mvc;

    @Test
    void eachTouchpointAndStageShowsTheShareWithNAndIntervalAndHidesSmallCells() throws Exception {
        String journey = created(post("/api/v1/journeys"), "{\"nameNl\":\"" + Unique.name("Aandeel") + "\",\"nameEn\":\"" + Unique.name("Share") + "\"}");
        String stage = created(post("/api/v1/journeys/" + journey + "/stages"), "{\"nameNl\":\"Boeken\",\"nameEn\":\"Booking\"}");
        TouchpointId few = TouchpointId.of(created(post("/api/v1/stages/" + stage + "/touchpoints"),
                "{\"nameNl\":\"Balie\",\"nameEn\":\"Desk\",\"channel\":\"LOCATION\"}"));
        TouchpointId many = TouchpointId.of(created(post("/api/v1/stages/" + stage + "/touchpoints"),
                "{\"nameNl\":\"Telefoon\",\"nameEn\":\"Phone\",\"channel\":\"PHONE\"}"));
        COUNTS.put(few, new ShareCount(3, 4));
        COUNTS.put(many, new ShareCount(10, 40));
        Estimate touchpoint = Intervals.share(10, 40);
        Estimate stageTotal = Intervals.share(13, 44);

        String page = mvc.perform(get("/insight/journey-map").param("view", "table").with(user("anouk").roles("ANALYST")).locale(Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(share(row(page, many))).contains(String.format(Locale.ENGLISH, "25%% (95%%: %.0f to %.0f%%)", touchpoint.lower(), touchpoint.upper()))
                .contains("n = 40");
        assertThat(share(row(page, few))).contains("n &lt; 5").doesNotContain("75%").doesNotContain("n = 4");
        assertThat(page).contains(String.format(Locale.ENGLISH, "30%% (95%%: %.0f to %.0f%%)", stageTotal.lower(), stageTotal.upper()))
                .contains("n = 44").doesNotContain("journeyMap.volume");
    }

    private static String share(String row) {
        Matcher m = Pattern.compile("<td class=\"share\"[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(row);
        assertThat(m.find()).as("a share cell in the row").isTrue();
        return m.group(1);
    }

    private static String row(String page, TouchpointId touchpoint) {
        Matcher m = Pattern.compile("<tr data-touchpoint=\"" + touchpoint + "\"(.*?)</tr>", Pattern.DOTALL).matcher(page);
        assertThat(m.find()).as("the row of %s on the map", touchpoint).isTrue();
        return m.group(1);
    }

    private String created(MockHttpServletRequestBuilder request, String body) throws Exception {
        String response = mvc.perform(request.with(user("anouk").roles("ANALYST")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(response, "$.id");
    }
}
