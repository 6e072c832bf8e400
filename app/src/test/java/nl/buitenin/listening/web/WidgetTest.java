package nl.buitenin.listening.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import nl.buitenin.access.Scope;
import nl.buitenin.access.internal.ApiKeys;
import nl.buitenin.contact.internal.PolicyFile;
import nl.buitenin.contact.internal.StoredContactPolicy;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.listening.internal.SurveyDefinition;
import nl.buitenin.listening.internal.answers.AnswerLinks;
import nl.buitenin.listening.internal.answers.ResponseChannel;
import nl.buitenin.listening.internal.answers.ResponseStatus;
import nl.buitenin.listening.internal.answers.SurveyFixtures;
import nl.buitenin.listening.internal.answers.JdbcResponses;
import nl.buitenin.privacy.Consents;
import nl.buitenin.privacy.ContactDetails;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.Persons;
import nl.buitenin.privacy.PurposeId;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.Unique;

/**
 * Widget sites over the API and the answer page in a frame: origins are checked as origins, only an
 * INGEST key (or an admin or analyst) gets a link, the page may be framed by the site's own origins
 * only, a link works once and only as a widget link, and the public path is rate limited.
 */
@DatabaseTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "buitenin.test.public-rate=" + WidgetTest.PUBLIC_RATE)
class WidgetTest {

    /** The anonymous requests one address may make per minute; the other tests here stay well below it. */
    static final String PUBLIC_RATE = "200";

    static final String ORIGIN_A = "https://www.buitenpad.nl";
    static final String ORIGIN_B = "https://boeken.ander-bureau.nl";

    @Autowired
    MockMvc mvc;
    @Autowired
    ApiKeys apiKeys;
    @Autowired
    JdbcSurveys surveys;
    @Autowired
    JdbcResponses responses;
    @Autowired
    AnswerLinks links;
    @Autowired
    Persons persons;
    @Autowired
    Consents consents;
    @Autowired
    StoredContactPolicy policy;
    @Autowired
    JdbcClient jdbc;

    String ingestKey;
    String touchpoint;
    UUID lineage;

    @BeforeEach
    void aPublishedSurveyAtATouchpoint() throws Exception {
        ingestKey = apiKeys.issue("site " + UUID.randomUUID(), Set.of(Scope.INGEST), null).plainText();
        String journey = created(post("/api/v1/journeys"), "{\"nameNl\":\"" + Unique.name("Boeken") + "\",\"nameEn\":\"" + Unique.name("Booking") + "\"}");
        String stage = created(post("/api/v1/journeys/" + journey + "/stages"), "{\"nameNl\":\"Boeken\",\"nameEn\":\"Book\"}");
        touchpoint = created(post("/api/v1/stages/" + stage + "/touchpoints"),
                "{\"nameNl\":\"Boekingspagina\",\"nameEn\":\"Booking page\",\"channel\":\"web\"}");
        SurveyDefinition trip = SurveyFixtures.tripEvaluation();
        Survey survey = Survey.draft(new SurveyDefinition(trip.title(), null, trip.questions(), trip.closing(),
                List.of(TouchpointId.of(touchpoint)), List.of()), Instant.now());
        survey.publish(Instant.now());
        surveys.add(survey);
        lineage = survey.lineage();
        policy.change(new PolicyFile(1.0, null, null, 30, 5, 10, "00:00", "00:00", List.of(), 0, "EMAIL"));
    }

    @Test
    void aBadOriginIsAFieldErrorThatNamesIt() throws Exception {
        mvc.perform(post("/api/v1/widget-sites").with(user("anouk").roles("ANALYST")).with(csrf())
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(site("Boeken", "\"https://www.buitenpad.nl\", \"http://www.buitenpad.nl\", \"https://*.buitenpad.nl\", "
                                + "\"https://www.buitenpad.nl/boeken\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'origins[1]')].message").value(hasItem(containsString("must use https"))))
                .andExpect(jsonPath("$.errors[?(@.field == 'origins[2]')].message").value(hasItem(containsString("wildcard"))))
                .andExpect(jsonPath("$.errors[?(@.field == 'origins[3]')].message").value(hasItem(containsString("without path"))))
                .andExpect(jsonPath("$.errors.length()").value(3));
        mvc.perform(post("/api/v1/widget-sites").with(user("anouk").roles("ANALYST")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"\",\"survey\":\"nope\",\"touchpoint\":\""
                                + UUID.randomUUID() + "\",\"origins\":[]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("name", "survey", "touchpoint", "origins")));
    }

    @Test
    void theManagementPageRegistersASiteAndNamesABadOriginInBothLanguages() throws Exception {
        String name = nl.buitenin.testing.Unique.name("Nieuwsbrief");
        mvc.perform(post("/surveys/widget-sites").with(user("anouk").roles("ANALYST")).with(csrf())
                        .cookie(new jakarta.servlet.http.Cookie("buitenin-lang", "en"))
                        .param("name", name).param("survey", lineage.toString()).param("touchpoint", touchpoint)
                        .param("origins", "https://www.buitenpad.nl\nftp://buitenpad.nl"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("origins[1]")))
                .andExpect(content().string(containsString("Questions in your own site")));
        mvc.perform(post("/surveys/widget-sites").with(user("anouk").roles("ANALYST")).with(csrf())
                        .param("name", name).param("survey", lineage.toString()).param("touchpoint", touchpoint)
                        .param("origins", "https://www.buitenpad.nl\r\nhttps://M.Buitenpad.nl:443\n"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/surveys/widget-sites").with(user("anouk").roles("ANALYST")).cookie(new jakarta.servlet.http.Cookie("buitenin-lang", "nl")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(name)))
                .andExpect(content().string(containsString("https://m.buitenpad.nl<")))
                .andExpect(content().string(containsString("Vragen in uw eigen site")));
        mvc.perform(get("/surveys/widget-sites").with(user("agnes").roles("AGENT"))).andExpect(status().isForbidden());
    }

    @Test
    void onlyAnIngestKeyOrAnAdminOrAnalystGetsALink() throws Exception {
        String site = register(ORIGIN_A);
        String reader = apiKeys.issue("reader " + UUID.randomUUID(), Set.of(Scope.READ), null).plainText();
        mvc.perform(post("/api/v1/widget-sites/" + site + "/tokens").header("Authorization", "Bearer " + reader)
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/widget-sites/" + site + "/tokens").with(user("agnes").roles("AGENT")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/widget-sites").header("Authorization", "Bearer " + ingestKey)
                .contentType(MediaType.APPLICATION_JSON).content(site("Sneaky", "\"" + ORIGIN_B + "\"")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/widget-sites/" + site + "/tokens").header("Authorization", "Bearer " + ingestKey)
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.ask").value(true))
                .andExpect(jsonPath("$.frameUrl").value(containsString("/w/")));
    }

    @Test
    void theAnswerPageMayBeFramedByTheSitesOwnOriginsOnly() throws Exception {
        String siteA = register(ORIGIN_A + "\", \"https://m.buitenpad.nl:8443");
        String siteB = register(ORIGIN_B);

        MockHttpServletResponse pageA = mvc.perform(get(framePath(ticket(siteA, "{}")))).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(pageA.getHeaders("Content-Security-Policy")).hasSize(1);
        assertThat(pageA.getHeader("Content-Security-Policy")).endsWith("frame-ancestors https://www.buitenpad.nl https://m.buitenpad.nl:8443")
                .doesNotContain(ORIGIN_B).doesNotContain("frame-ancestors 'self'");
        assertThat(pageA.getHeader("X-Frame-Options")).isNull();
        assertThat(pageA.getHeader("Content-Security-Policy")).as("the widget's own minimal policy")
                .startsWith("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none';")
                .doesNotContain("unsafe-inline");

        MockHttpServletResponse pageB = mvc.perform(get(framePath(ticket(siteB, "{}")))).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(pageB.getHeader("Content-Security-Policy")).endsWith("frame-ancestors " + ORIGIN_B).doesNotContain(ORIGIN_A);

        // Everything else keeps refusing to be framed by others.
        MockHttpServletResponse login = mvc.perform(get("/login")).andReturn().getResponse();
        assertThat(login.getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(login.getHeaders("Content-Security-Policy")).containsExactly("default-src 'self'; img-src 'self' data:; "
                + "style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'self'; form-action 'self'; base-uri 'self'");
    }

    @Test
    void aLinkWorksOnceAndOnlyAsAWidgetLink() throws Exception {
        String site = register(ORIGIN_A);
        String path = framePath(ticket(site, "{\"reference\":\"boeking-" + UUID.randomUUID() + "\",\"language\":\"en\"}"));

        mvc.perform(get(path)).andExpect(status().isOk()).andExpect(content().string(containsString("How likely are you to recommend us?")));
        mvc.perform(post(path).param("action", "save").param("q.nps", "7")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Your answers have been saved")));
        // Sending without the required score names the question by its text, not by its key.
        mvc.perform(post(path).param("action", "send").param("q.nps", "").param("q.beter", "Meer wandelkaarten"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(">How likely are you to recommend us?</a>: <span>please give an answer</span>")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("nps:"))));
        mvc.perform(post(path).param("action", "send").param("q.nps", "9").param("q.beter", "Meer wandelkaarten"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Thank you for your answers")));

        MockHttpServletResponse again = mvc.perform(get(path)).andExpect(status().isGone()).andReturn().getResponse();
        assertThat(again.getContentAsString()).contains("You have already answered these questions");
        assertThat(again.getHeader("Content-Security-Policy")).as("the thank-you of a genuine link shows in its own site")
                .endsWith("frame-ancestors " + ORIGIN_A);
        assertThat(again.getHeader("X-Frame-Options")).isNull();

        // A personal link from an e-mail opens neither here nor does a widget link open the e-mail page.
        UUID mailed = responses.create(surveys.byId(surveys.versions(lineage).get(0).id()).orElseThrow().id(), TouchpointId.of(touchpoint),
                null, "test:" + UUID.randomUUID(), ResponseChannel.EMAIL, "nl", ResponseStatus.INVITED, Instant.now(),
                Instant.now().plusSeconds(3600)).orElseThrow();
        String mailToken = links.tokenFor(mailed, Instant.now().plusSeconds(3600));
        mvc.perform(get("/w/" + mailToken)).andExpect(status().isNotFound());
        String widgetToken = ticket(site, "{}");
        mvc.perform(get("/a/" + widgetToken.substring(widgetToken.indexOf("/w/") + 3).replaceAll("\\?.*", "")))
                .andExpect(status().isNotFound());
        MockHttpServletResponse changed = mvc.perform(get(framePath(widgetToken).replace("/w/", "/w/x")))
                .andExpect(status().isNotFound()).andReturn().getResponse();
        assertThat(changed.getContentAsString()).contains("Deze vragen kunnen niet worden getoond").doesNotContain("<form");
        assertThat(changed.getHeaders("Content-Security-Policy")).as("the refusal, without form or personal data, shows in any frame")
                .containsExactly("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                        + "form-action 'self'; base-uri 'none'; frame-ancestors *");
        assertThat(changed.getHeader("X-Frame-Options")).isNull();
    }

    @Test
    void theSameReferenceGivesTheSameResponseBackWithWhatWasFilledIn() throws Exception {
        String site = register(ORIGIN_A);
        String body = "{\"reference\":\"boeking-" + UUID.randomUUID() + "\",\"language\":\"nl\"}";
        String first = framePath(ticket(site, body));
        mvc.perform(post(first).param("action", "save").param("q.beter", "Eerder de route sturen")).andExpect(status().isOk());

        String second = framePath(ticket(site, body));
        assertThat(second).isNotEqualTo(first);
        mvc.perform(get(second)).andExpect(status().isOk()).andExpect(content().string(containsString("Eerder de route sturen")));
    }

    @Test
    void theLanguageComesFromTheParameterElseFromTheBrowser() throws Exception {
        String site = register(ORIGIN_A);
        String path = framePath(ticket(site, "{}")).replaceAll("\\?.*", "");
        mvc.perform(get(path).header("Accept-Language", "en-GB,en;q=0.8")).andExpect(status().isOk())
                .andExpect(content().string(containsString("would like to ask you a few short questions")));
        mvc.perform(get(path + "?lang=nl").header("Accept-Language", "en-GB")).andExpect(status().isOk())
                .andExpect(content().string(containsString("stelt u graag een paar korte vragen")));
    }

    @Test
    void aNamedPersonIsAskedOnlyWhenThePolicyAllowsAndTheDecisionIsStored() throws Exception {
        String site = register(ORIGIN_A);
        PersonKey without = persons.register("klant-" + UUID.randomUUID(), new ContactDetails("Kees", "kees@voorbeeld.nl", null));
        mvc.perform(post("/api/v1/widget-sites/" + site + "/tokens").header("Authorization", "Bearer " + ingestKey)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"person\":\"" + without.value() + "\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.ask").value(false))
                .andExpect(jsonPath("$.reasons").value(org.hamcrest.Matchers.hasItem("NO_CONSENT")))
                .andExpect(jsonPath("$.token").doesNotExist());

        PersonKey with = persons.register("klant-" + UUID.randomUUID(), new ContactDetails("Lies", "lies@voorbeeld.nl", null));
        consents.give(with, PurposeId.FEEDBACK, "test");
        mvc.perform(post("/api/v1/widget-sites/" + site + "/tokens").header("Authorization", "Bearer " + ingestKey)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"person\":\"" + with.value() + "\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.ask").value(true));

        assertThat(jdbc.sql("select allowed from contact_decision where person_key in (:a, :b) order by allowed")
                .param("a", without.value()).param("b", with.value()).query(Boolean.class).list()).containsExactly(false, true);
        assertThat(jdbc.sql("select channel from contact_attempt where person_key = :p").param("p", with.value())
                .query(String.class).list()).as("the question counts against the caps").containsExactly("WEB");

        mvc.perform(post("/api/v1/widget-sites/" + site + "/tokens").header("Authorization", "Bearer " + ingestKey)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"person\":\"nobody\",\"language\":\"fr\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("person", "language")));
    }

    @Test
    void theWidgetPathFallsUnderThePublicRateLimit() throws Exception {
        // An address of its own, so that the other tests are not limited. The bucket refills while the loop runs,
        // so ask for twice the quota: the first quota's worth gets through, then the address is turned away.
        int quota = Integer.parseInt(PUBLIC_RATE);
        int firstRefused = -1;
        for (int i = 0; i < 2 * quota && firstRefused < 0; i++) {
            MockHttpServletResponse response = mvc.perform(get("/w/not-a-token").with(request -> {
                request.setRemoteAddr("192.0.2.77");
                return request;
            })).andReturn().getResponse();
            if (response.getStatus() == 429) {
                firstRefused = i;
                assertThat(response.getHeader("Retry-After")).isEqualTo("60");
            } else {
                assertThat(response.getStatus()).isEqualTo(404);
            }
        }
        assertThat(firstRefused).isGreaterThanOrEqualTo(quota).isLessThan(2 * quota);
    }

    private String register(String origins) throws Exception {
        String response = mvc.perform(post("/api/v1/widget-sites").with(user("anouk").roles("ANALYST")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(site("Boekingspagina", "\"" + origins + "\"")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(response, "$.id");
    }

    private String site(String name, String origins) {
        return "{\"name\":\"" + name + "\",\"survey\":\"" + lineage + "\",\"touchpoint\":\"" + touchpoint + "\",\"origins\":[" + origins + "]}";
    }

    /** The frame address a site's server gets for a visit. */
    private String ticket(String site, String body) throws Exception {
        String response = mvc.perform(post("/api/v1/widget-sites/" + site + "/tokens").header("Authorization", "Bearer " + ingestKey)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(response, "$.frameUrl");
    }

    private static String framePath(String frameUrl) {
        return frameUrl.substring(frameUrl.indexOf("/w/"));
    }

    private String created(MockHttpServletRequestBuilder request, String body) throws Exception {
        String response = mvc.perform(request.with(user("anouk").roles("ANALYST")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(response, "$.id");
    }
}
