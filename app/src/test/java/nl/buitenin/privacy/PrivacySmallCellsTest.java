package nl.buitenin.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import nl.buitenin.testing.DatabaseTest;

/**
 * The privacy officer's figures follow the small-cell rule (k = 5): consents per purpose in the register and
 * persons per purpose in the access-log overview are shown as &lt;5 for 1 to 4 persons, as the number for 5
 * or more, and 0 as 0.
 */
@DatabaseTest
@AutoConfigureMockMvc
class PrivacySmallCellsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Persons persons;
    @Autowired
    Consents consents;

    @Test
    void consentsAndPersonsPerPurposeOfFewerThanFiveAreShownAsLessThanFive() throws Exception {
        String none = purpose();
        for (int given = 1; given <= 5; given++) {
            String purpose = purpose();
            for (int i = 0; i < given; i++) {
                PersonKey person = persons.register("sc-" + UUID.randomUUID(), new ContactDetails("Naam " + i, null, null));
                consents.give(person, new PurposeId(purpose), "test");
                // Read under the purpose, so that the access log counts this person for it.
                persons.contactDetails(person, new PurposeId(purpose));
            }
            String register = page("/privacy");
            String log = page("/privacy/access-log");
            if (given < 5) {
                assertThat(registerRow(register, purpose)).as("%d consents", given).contains("<td class=\"num\">&lt;5</td>")
                        .doesNotContain("<td class=\"num\">" + given + "</td>");
                assertThat(logRow(log, purpose)).as("%d persons read", given).endsWith("<td class=\"num\">&lt;5</td>");
            } else {
                assertThat(registerRow(register, purpose)).contains("<td class=\"num\">5</td>").doesNotContain("&lt;5");
                assertThat(logRow(log, purpose)).endsWith("<td class=\"num\">5</td>");
            }
        }
        assertThat(registerRow(page("/privacy"), none)).contains("<td class=\"num\">0</td>").doesNotContain("&lt;5");
    }

    private String purpose() throws Exception {
        String id = "sc-" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/api/v1/purposes").with(user("officier").roles("PRIVACY_OFFICER")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"id":"%s","nameNl":"Doel %s","nameEn":"Purpose %s","descriptionNl":"Om te tellen",
                                 "descriptionEn":"To count","legalBasis":"CONSENT","personalData":true,"dataCategories":"naam",
                                 "retentionMonths":12,"recipients":"niemand"}""".formatted(id, id, id)))
                .andExpect(status().isCreated());
        return id;
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(user("officier").roles("PRIVACY_OFFICER")).locale(Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static String registerRow(String page, String purpose) {
        Matcher m = Pattern.compile("id=\"purpose-" + Pattern.quote(purpose) + "\"(.*?)</tr>", Pattern.DOTALL).matcher(page);
        assertThat(m.find()).as("purpose %s in the register", purpose).isTrue();
        return m.group(1).replaceAll("(?s)<td class=\"row-actions\".*", "").strip();
    }

    private static String logRow(String page, String purpose) {
        // The overview names the purpose by its name in the reader's language (here English), not by its id.
        Matcher m = Pattern.compile("<tr><td>" + Pattern.quote("Purpose " + purpose) + "</td>(.*?)</tr>", Pattern.DOTALL).matcher(page);
        assertThat(m.find()).as("purpose %s in the access-log overview", purpose).isTrue();
        return m.group(1).strip();
    }
}
