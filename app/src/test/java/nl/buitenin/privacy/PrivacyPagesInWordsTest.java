package nl.buitenin.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.VisibleText;

/**
 * Every privacy page of the demo organisation, for the privacy officer and for a traveller, in Dutch and in English:
 * the text a person reads holds no id, no message key, no purpose code and no record dump, and the Dutch pages hold no
 * English of the access log or the retention runs (nor the English pages Dutch).
 */
@DatabaseTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
@TestPropertySource(properties = "buitenin.demo.people=400")
class PrivacyPagesInWordsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Persons persons;
    @Autowired
    PersonLinks links;
    @Autowired
    JdbcClient jdbc;

    private final RequestPostProcessor officer = user("fg").roles("PRIVACY_OFFICER");

    @BeforeEach
    void theOfficerReadsAndPreviewsRetention() throws Exception {
        // Something in the log and in the retention runs: a read for a purpose, a refused one, a preview.
        PersonKey traveller = persons.keyFor("BP-0000001");
        mvc.perform(post("/privacy/persons/" + traveller.value() + "/contact-details").param("purpose", "complaint-handling")
                .with(officer).with(csrf())).andExpect(status().isOk());
        mvc.perform(post("/privacy/persons/" + traveller.value() + "/contact-details").param("purpose", "offers")
                .with(officer).with(csrf())).andExpect(status().isOk());
        mvc.perform(post("/privacy/retention/preview").with(officer).with(csrf())).andExpect(status().isOk());
    }

    @ParameterizedTest
    @ValueSource(strings = {"nl", "en"})
    void noPrivacyPageShowsAnIdAKeyOrACode(String language) throws Exception {
        PersonKey traveller = persons.keyFor("BP-0000001");
        Map<String, String> pages = new LinkedHashMap<>();
        for (String path : List.of("/privacy", "/privacy/register/print", "/privacy/purposes/feedback", "/privacy/access-log",
                "/privacy/access-log?person=BP-0000001", "/privacy/persons?customerId=BP-0000001",
                "/privacy/persons/" + traveller.value() + "/export", "/privacy/retention", "/privacy/staff?staffRef=mw-011")) {
            pages.put(path, page(path, officer, language));
        }
        String own = links.linkFor(traveller).getPath();
        pages.put("own page", page(own, SecurityMockMvcRequestPostProcessors.anonymous(), language));
        pages.put("own export", page(own + "/export", SecurityMockMvcRequestPostProcessors.anonymous(), language));

        // Codes of one word ("offers", "staffing") are also ordinary English words; those of more are codes only.
        List<String> purposeIds = jdbc.sql("select id from privacy_purpose").query(String.class).list().stream()
                .filter(id -> id.contains("-")).toList();
        Set<String> problems = new TreeSet<>();
        pages.forEach((path, html) -> {
            String text = VisibleText.of(html);
            VisibleText.problemsInText(text).forEach(p -> problems.add(path + ": " + p));
            for (String word : text.split("[\\s,;:()·]+")) {
                if (purposeIds.contains(word)) {
                    problems.add(path + ": purpose code " + word);
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"nl", "en"})
    void theAccessLogAndTheRetentionRunsSpeakTheReadersLanguage(String language) throws Exception {
        boolean dutch = language.equals("nl");
        String log = VisibleText.of(page("/privacy/access-log?person=BP-0000001", officer, language));
        String retention = VisibleText.of(page("/privacy/retention", officer, language));
        if (dutch) {
            assertThat(log).contains("Contactgegevens", "Klachtafhandeling", "Geweigerd: geen toestemming")
                    .doesNotContain("contact details", "Complaint handling", "data subject");
            assertThat(retention).contains("voorbeeld").doesNotContain("system", "preview", "all purposes");
        } else {
            assertThat(log).contains("Contact details", "Complaint handling", "Refused: no consent")
                    .doesNotContain("Contactgegevens", "Klachtafhandeling");
            assertThat(retention).contains("preview").doesNotContain("systeem", "voorbeeld", "alle doelen");
        }
        // Times in words in the reader's language, not ISO.
        assertThat(log + retention).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}")
                .containsPattern(dutch ? "\\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \\d{4}"
                        : "\\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \\d{4}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nl", "en"})
    void theLogCountsItsLinesInCorrectPlurals(String language) throws Exception {
        String customerId = "WORDS-" + UUID.randomUUID();
        PersonKey someone = persons.register(customerId, new ContactDetails("Sanne Bakker", "sanne." + UUID.randomUUID() + "@example.nl", null));
        String read = "/privacy/persons/" + someone.value() + "/contact-details";
        mvc.perform(post(read).param("purpose", "feedback").with(officer).with(csrf())).andExpect(status().isOk());
        String one = VisibleText.of(page("/privacy/access-log?person=" + customerId, officer, language));
        assertThat(one).contains(language.equals("nl") ? "1 regel, nieuwste eerst" : "1 entry, newest first");
        mvc.perform(post(read).param("purpose", "feedback").with(officer).with(csrf())).andExpect(status().isOk());
        String two = VisibleText.of(page("/privacy/access-log?person=" + customerId, officer, language));
        assertThat(two).contains(language.equals("nl") ? "2 regels, nieuwste eerst" : "2 entries, newest first");
        // No digits in the id (the page's numbers are checked), but as many possible ids as hex digits give: a digit d
        // becomes the letter d places after 'g'. Each digit as "x" made eight digits "kort-xxxxxxxx" (one run in 43),
        // and on a kept database the purpose of an earlier run is there already.
        StringBuilder letters = new StringBuilder();
        UUID.randomUUID().toString().replace("-", "").chars().limit(12)
                .forEach(c -> letters.append(Character.isDigit(c) ? (char) ('g' + (c - '0')) : (char) c));
        String purpose = "kort-" + letters;
        mvc.perform(post("/privacy/purposes").with(officer).with(csrf()).param("id", purpose).param("nameNl", "Kort bewaard")
                .param("nameEn", "Kept briefly").param("descriptionNl", "Een maand.").param("descriptionEn", "One month.")
                .param("legalBasis", "CONSENT").param("personalData", "true").param("dataCategories", "e-mailadres")
                .param("retentionMonths", "1").param("recipients", "niemand")).andExpect(status().is3xxRedirection());
        String own = VisibleText.of(page(links.linkFor(someone).getPath(), SecurityMockMvcRequestPostProcessors.anonymous(), language));
        assertThat(own).as("known since, in words").doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}")
                .contains(language.equals("nl") ? "1 maand" : "1 month").doesNotContain("1 maanden", "1 months");
    }

    private String page(String path, RequestPostProcessor who, String language) throws Exception {
        return mvc.perform(get(path).with(who).header("Accept-Language", language)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }
}
