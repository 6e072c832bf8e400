package nl.buitenin.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import nl.buitenin.access.Scope;
import nl.buitenin.access.internal.ApiKeys;
import nl.buitenin.platform.Secrets;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.TestDatabaseInitializer;

/** The privacy officer's pages, the person's own page and the REST API, through the web layer. */
@DatabaseTest
@AutoConfigureMockMvc
class PrivacyWebTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Persons persons;
    @Autowired
    PersonLinks links;
    @Autowired
    ApiKeys apiKeys;
    @Autowired
    nl.buitenin.organisation.Organisations organisations;

    private PersonKey someone(String name) {
        return persons.register("WEB-" + UUID.randomUUID(), new ContactDetails(name, "web." + UUID.randomUUID() + "@example.nl", null));
    }

    private static String path(PersonKey person, PersonLinks links) {
        return links.linkFor(person).getPath();
    }

    @Test
    void theOfficerSeesTheRegisterInBothLanguagesAndEditsAPurpose() throws Exception {
        var officer = user("fg").roles("PRIVACY_OFFICER");
        String nl = mvc.perform(get("/privacy").with(officer).header("Accept-Language", "nl"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(nl).contains("Verwerkingsregister", "Aanbiedingen", "Toestemming").doesNotContain("??");
        String en = mvc.perform(get("/privacy").with(officer).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(en).contains("Processing register", "Offers", "Legitimate interest").doesNotContain("??");

        mvc.perform(post("/privacy/purposes/offers").with(officer).with(csrf())
                .param("nameNl", "Aanbiedingen op maat").param("nameEn", "Tailored offers").param("descriptionNl", "Alleen met toestemming.")
                .param("descriptionEn", "Only with consent.").param("legalBasis", "CONSENT").param("personalData", "true")
                .param("dataCategories", "naam, e-mailadres").param("retentionMonths", "6").param("recipients", "marketing"))
                .andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get("/privacy/register/print").with(officer)).andReturn().getResponse().getContentAsString())
                .contains("Aanbiedingen op maat", "6 maanden");
        String csv = mvc.perform(get("/privacy/register.csv").with(officer)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("offers,Aanbiedingen op maat,Tailored offers").contains("staffing");
    }

    @Test
    void aPurposeWithoutRetentionIsRefusedNamingTheField() throws Exception {
        String page = mvc.perform(post("/privacy/purposes").with(user("fg").roles("PRIVACY_OFFICER")).with(csrf())
                .param("id", "no-retention").param("nameNl", "X").param("nameEn", "X").param("descriptionNl", "X")
                .param("descriptionEn", "X").param("legalBasis", "CONSENT").param("personalData", "true")
                .param("dataCategories", "naam").param("recipients", "niemand"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("retentionMonths");
    }

    @Test
    void theOfficerSeesNoContactDetailsUntilChoosingAPurposeAndTheReadIsLogged() throws Exception {
        String customerId = "WEB-" + UUID.randomUUID();
        PersonKey key = persons.register(customerId, new ContactDetails("Noor Visser", "noor." + UUID.randomUUID() + "@example.nl", null));
        var officer = user("fg").roles("PRIVACY_OFFICER");
        String search = mvc.perform(get("/privacy/persons").param("customerId", customerId).with(officer))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(search).contains(key.value()).doesNotContain("Noor Visser");
        String read = mvc.perform(post("/privacy/persons/" + key.value() + "/contact-details").param("purpose", "feedback")
                .with(officer).with(csrf())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(read).contains("Noor Visser");
        String refused = mvc.perform(post("/privacy/persons/" + key.value() + "/contact-details").param("purpose", "offers")
                .with(officer).with(csrf())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).doesNotContain("Noor Visser").contains("Geweigerd: geen toestemming");
        String log = mvc.perform(get("/privacy/access-log").param("person", customerId).with(officer))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(log).contains("fg", "Feedback over een contact", "Contactgegevens", "Geweigerd: geen toestemming");
        mvc.perform(get("/privacy/retention").with(officer)).andExpect(status().isOk());
        mvc.perform(post("/privacy/retention/preview").with(officer).with(csrf())).andExpect(status().isOk());
        mvc.perform(get("/privacy/persons/" + key.value() + "/export").with(officer)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("contact-details")));
    }

    /** The filter's value is the page's own; "person" stays the organisation's word, which the filter's label reads. */
    @Test
    void theAccessLogFilteredByACustomerIdStillNamesPeopleByTheOrganisationsWord() throws Exception {
        String customerId = "LOG-" + UUID.randomUUID();
        persons.register(customerId, new ContactDetails("Lot Kok", "lot." + UUID.randomUUID() + "@example.nl", null));
        var officer = user("fg").roles("PRIVACY_OFFICER");
        for (java.util.Locale locale : java.util.List.of(java.util.Locale.forLanguageTag("nl"), java.util.Locale.ENGLISH)) {
            String word = organisations.current().personWord().singular(locale);
            String page = mvc.perform(get("/privacy/access-log").param("person", customerId).with(officer)
                    .header("Accept-Language", locale.getLanguage())).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString();
            String label = locale.getLanguage().equals("nl") ? "Nummer of sleutel van de " + word : "Number or key of the " + word;
            assertThat(nl.buitenin.testing.VisibleText.of(page)).contains(label).doesNotContain("van de " + customerId)
                    .doesNotContain("of the " + customerId);
            assertThat(page).contains("id=\"f-person\" name=\"person\" value=\"" + customerId + "\"");
        }
    }

    @Test
    void thePersonChangesConsentAndPreferencesOnTheirOwnPage() throws Exception {
        PersonKey key = someone("Daan Smit");
        String link = path(key, links);
        assertThat(mvc.perform(get(link)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("Daan Smit", "Aanbiedingen");
        mvc.perform(post(link + "/consents").param("purpose", "offers").param("given", "true").with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(link + "/preferences").param("channel", "SMS").param("language", "en").param("doNotAsk", "true").with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(link + "/export.json")).andExpect(status().isOk())
                .andExpect(jsonPath("$.person").value(key.value()))
                .andExpect(jsonPath("$.sections[?(@.name == 'consents')].records[0].purpose").value("offers"))
                .andExpect(jsonPath("$.sections[?(@.name == 'preferences')].records[0].doNotAsk").value(true));
    }

    @Test
    void aTamperedOrExpiredLinkGetsAFriendlyPageInBothLanguages() throws Exception {
        PersonKey key = someone("Eva Mulder");
        String link = path(key, links);
        String tampered = link.substring(0, link.length() - 3) + (link.endsWith("AAA") ? "BBB" : "AAA");
        assertThat(mvc.perform(get(tampered).header("Accept-Language", "nl")).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString()).contains("Deze link klopt niet").doesNotContain("Eva");
        String expired = "/mijn-gegevens/" + signedToken(key, Instant.now().minusSeconds(60));
        assertThat(mvc.perform(get(expired).header("Accept-Language", "en")).andExpect(status().isGone())
                .andReturn().getResponse().getContentAsString()).contains("This link has expired").doesNotContain("Eva");
        String fresh = "/mijn-gegevens/" + signedToken(key, Instant.now().plusSeconds(600));
        mvc.perform(get(fresh)).andExpect(status().isOk());
    }

    @Test
    void forgettingNeedsConfirmationAndThenTheLinkNoLongerOpens() throws Exception {
        PersonKey key = someone("Bram Bos");
        String link = path(key, links);
        mvc.perform(post(link + "/forget").with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(persons.exists(key)).isTrue();
        mvc.perform(post(link + "/forget").param("confirmed", "true").with(csrf())).andExpect(status().isOk());
        assertThat(persons.exists(key)).isFalse();
        mvc.perform(get(link)).andExpect(status().isNotFound());
    }

    @Test
    void systemsRegisterPersonsAndConsentsIdempotentlyWithAnIngestKey() throws Exception {
        String key = apiKeys.issue("crm", Set.of(Scope.INGEST), null).plainText();
        String customerId = "API-" + UUID.randomUUID();
        String body = "{\"customerId\":\"" + customerId + "\",\"name\":\"Lotte de Jong\",\"email\":\"lotte@example.nl\",\"phone\":\"06-12345678\"}";
        String first = mvc.perform(post("/api/v1/persons").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String second = mvc.perform(post("/api/v1/persons").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(first).contains(persons.keyFor(customerId).value());
        assertThat(second).contains(persons.keyFor(customerId).value());
        String consent = "{\"customerId\":\"" + customerId + "\",\"purpose\":\"offers\",\"given\":true,\"channel\":\"crm\"}";
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/api/v1/consents").header("Authorization", "Bearer " + key)
                    .contentType(MediaType.APPLICATION_JSON).content(consent)).andExpect(status().isOk())
                    .andExpect(jsonPath("$[0].purpose").value("offers")).andExpect(jsonPath("$[0].given").value(true));
        }
        assertThat(mvc.perform(get("/api/v1/persons/" + persons.keyFor(customerId).value() + "/export")
                .with(user("fg").roles("PRIVACY_OFFICER"))).andReturn().getResponse().getContentAsString())
                .contains("\"given\":true").containsOnlyOnce("\"channel\":\"crm\"");
        mvc.perform(post("/api/v1/persons").header("Authorization", "Bearer " + key).contentType(MediaType.APPLICATION_JSON)
                .content("{\"customerId\":\"x\",\"email\":\"not-an-address\",\"phone\":\"12\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("email", "phone")));
    }

    /** A token signed independently of the application, with the test instance secret. */
    private static String signedToken(PersonKey person, Instant expires) throws Exception {
        byte[] key = new Secrets(TestDatabaseInitializer.TEST_SECRET.getBytes(StandardCharsets.UTF_8)).key("privacy.person-link");
        String payload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString((person.value() + ":" + expires.getEpochSecond()).getBytes(StandardCharsets.US_ASCII));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        byte[] signature = java.util.Arrays.copyOf(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)), 16);
        return payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }
}
