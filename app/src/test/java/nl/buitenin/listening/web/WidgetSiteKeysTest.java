package nl.buitenin.listening.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import nl.buitenin.access.Scope;
import nl.buitenin.access.internal.ApiKeys;
import nl.buitenin.contact.internal.PolicyFile;
import nl.buitenin.contact.internal.StoredContactPolicy;
import nl.buitenin.journey.Channel;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.internal.JdbcJourneys;
import nl.buitenin.journey.internal.Names;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.listening.internal.SurveyDefinition;
import nl.buitenin.listening.internal.answers.SurveyFixtures;
import nl.buitenin.listening.internal.widget.WidgetSites;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.Unique;

/**
 * API keys bound to widget sites: a key made for a site gets links for that site only (403 naming the key for
 * another), an unbound INGEST key still gets links everywhere but is named in a warning, binding limits it, and a
 * key never becomes unbound again by taking away its last site.
 */
@DatabaseTest
@AutoConfigureMockMvc
class WidgetSiteKeysTest {

    static final jakarta.servlet.http.Cookie NL = new jakarta.servlet.http.Cookie("buitenin-lang", "nl");

    @Autowired
    MockMvc mvc;
    @Autowired
    ApiKeys apiKeys;
    @Autowired
    JdbcJourneys journeys;
    @Autowired
    JdbcSurveys surveys;
    @Autowired
    WidgetSites sites;
    @Autowired
    StoredContactPolicy policy;

    UUID siteA;
    UUID siteB;

    @BeforeEach
    void twoSites() {
        TouchpointId touchpoint = journeys.addTouchpoint(
                journeys.addStage(journeys.createJourney(new Names(Unique.name("Boeken"), Unique.name("Booking"))), new Names("Boeken", "Book")),
                new Names("Boekingspagina", "Booking page"), Channel.WEB, null);
        SurveyDefinition trip = SurveyFixtures.tripEvaluation();
        Survey survey = Survey.draft(new SurveyDefinition(trip.title(), null, trip.questions(), trip.closing(), List.of(touchpoint),
                List.of()), Instant.now());
        survey.publish(Instant.now());
        surveys.add(survey);
        policy.change(new PolicyFile(1.0, null, null, 30, 5, 10, "00:00", "00:00", List.of(), 0, "EMAIL"));
        siteA = sites.register(nl.buitenin.testing.Unique.name("Site A"), survey.lineage().toString(), touchpoint.value().toString(),
                List.of("https://a.example.nl")).id();
        siteB = sites.register(nl.buitenin.testing.Unique.name("Site B"), survey.lineage().toString(), touchpoint.value().toString(),
                List.of("https://b.example.nl")).id();
    }

    @Test
    void aKeyMadeForASiteGetsLinksForThatSiteOnly() throws Exception {
        String created = mvc.perform(post("/api/v1/widget-sites/" + siteA + "/keys").with(user("admin").roles("ADMIN")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Server van site A\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.prefix").value(org.hamcrest.Matchers.startsWith("bk_")))
                .andReturn().getResponse().getContentAsString();
        String key = JsonPath.read(created, "$.key");
        String keyId = JsonPath.read(created, "$.id");

        ticket(siteA, key).andExpect(status().isOk()).andExpect(jsonPath("$.ask").value(true));
        ticket(siteB, key).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("'Server van site A'")))
                .andExpect(jsonPath("$.detail").value(containsString("bound to other widget sites, not to " + siteB)));
        // Made for a site's server, the key is refused by every other endpoint its scope INGEST would open.
        send("/api/v1/interactions", key).andExpect(status().isForbidden());
        send("/api/v1/answers", key).andExpect(status().isForbidden());
        // The refusal names the key and why, in the reader's language.
        mvc.perform(post("/api/v1/interactions").header("Authorization", "Bearer " + key).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"items\":[]}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("'Server van site A'")))
                .andExpect(jsonPath("$.detail").value(containsString("is bound to widget sites and may only ask for their links")));
        mvc.perform(post("/api/v1/interactions").header("Authorization", "Bearer " + key).header("Accept-Language", "nl")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"items\":[]}"))
                .andExpect(jsonPath("$.detail").value(containsString("is gekoppeld aan widgetsites")));

        mvc.perform(get("/api/v1/widget-sites/" + siteA + "/keys").with(user("anouk").roles("ANALYST")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].id").value(keyId))
                .andExpect(jsonPath("$[0].key").doesNotExist());
        mvc.perform(post("/api/v1/widget-sites/" + siteA + "/keys").with(user("anouk").roles("ANALYST")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\"}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/widget-sites/" + siteA + "/keys").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\"}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/widget-sites/" + siteA + "/keys").with(user("admin").roles("ADMIN")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("name"));
        mvc.perform(post("/api/v1/widget-sites/" + UUID.randomUUID() + "/keys").with(user("admin").roles("ADMIN")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\"}")).andExpect(status().isNotFound());
    }

    @Test
    void anUnboundKeyStillWorksEverywhereIsWarnedAboutAndBindingLimitsIt() throws Exception {
        String name = nl.buitenin.testing.Unique.name("Oude sleutel");
        var issued = apiKeys.issue(name, Set.of(Scope.INGEST), null);
        String key = issued.plainText();
        ticket(siteA, key).andExpect(status().isOk());
        ticket(siteB, key).andExpect(status().isOk());
        send("/api/v1/interactions", key).andExpect(status().isBadRequest());
        mvc.perform(get("/surveys/widget-sites").with(user("anouk").roles("ANALYST")).cookie(new jakarta.servlet.http.Cookie("buitenin-lang", "en")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("are bound to no site and can get links for every site")))
                .andExpect(content().string(containsString(name + " (bk_" + issued.key().prefix() + "_…)")))
                .andExpect(content().string(not(containsString("New key for this site"))));

        mvc.perform(put("/api/v1/widget-sites/" + siteA + "/keys/" + issued.key().id()).with(user("admin").roles("ADMIN")).with(csrf()))
                .andExpect(status().isNoContent());
        ticket(siteA, key).andExpect(status().isOk());
        ticket(siteB, key).andExpect(status().isForbidden());
        send("/api/v1/interactions", key).andExpect(status().isForbidden());
        mvc.perform(get("/surveys/widget-sites").with(user("admin").roles("ADMIN")).cookie(NL))
                .andExpect(content().string(not(containsString(name + " (bk_" + issued.key().prefix() + "_…)</li>"))))
                .andExpect(content().string(containsString("Nieuwe sleutel voor deze site")));

        // Its last site cannot be taken away: the key would be free again.
        mvc.perform(delete("/api/v1/widget-sites/" + siteA + "/keys/" + issued.key().id()).with(user("admin").roles("ADMIN")).with(csrf())
                        .header("Accept-Language", "en"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(containsString("Revoke the key instead")));
        ticket(siteB, key).andExpect(status().isForbidden());

        // Moved from A to B: bind B first, then take A away.
        mvc.perform(post("/surveys/widget-sites/" + siteB + "/keys/bind").param("key", issued.key().id().toString())
                .with(user("admin").roles("ADMIN")).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/surveys/widget-sites/" + siteA + "/keys/" + issued.key().id() + "/unbind")
                .with(user("admin").roles("ADMIN")).with(csrf())).andExpect(status().is3xxRedirection());
        ticket(siteA, key).andExpect(status().isForbidden());
        ticket(siteB, key).andExpect(status().isOk());

        mvc.perform(post("/surveys/widget-sites/" + siteB + "/keys/bind").param("key", issued.key().id().toString())
                .with(user("anouk").roles("ANALYST")).with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    void thePageMakesAKeyForASiteAndShowsItOnce() throws Exception {
        String page = mvc.perform(post("/surveys/widget-sites/" + siteA + "/keys").param("name", "Boekingsserver")
                        .with(user("admin").roles("ADMIN")).with(csrf()).cookie(NL))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Hij haalt alleen links op voor deze site")))
                .andReturn().getResponse().getContentAsString();
        String key = page.replaceAll("(?s).*<code class=\"secret\">(bk_[0-9a-f_]+)</code>.*", "$1");
        assertThat(key).startsWith("bk_").hasSize(3 + 8 + 1 + 48);
        ticket(siteA, key).andExpect(status().isOk());
        ticket(siteB, key).andExpect(status().isForbidden());
        send("/api/v1/interactions", key).andExpect(status().isForbidden());
        mvc.perform(get("/surveys/widget-sites").with(user("admin").roles("ADMIN")).cookie(NL))
                .andExpect(content().string(not(containsString(key))))
                .andExpect(content().string(containsString("Boekingsserver (bk_" + key.substring(3, 11) + "_…)")));
        mvc.perform(get("/admin/api-keys").with(user("admin").roles("ADMIN")).cookie(NL))
                .andExpect(content().string(containsString("alleen voor 1 gekoppelde site(s)")));
        mvc.perform(post("/surveys/widget-sites/" + siteA + "/keys").param("name", "x").with(user("anouk").roles("ANALYST")).with(csrf()))
                .andExpect(status().isForbidden());
    }

    private ResultActions ticket(UUID site, String key) throws Exception {
        return mvc.perform(post("/api/v1/widget-sites/" + site + "/tokens").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON).content("{}"));
    }

    /** An empty batch to an ingest endpoint: 400 when the key may send, 403 when it may not. */
    private ResultActions send(String path, String key) throws Exception {
        return mvc.perform(post(path).header("Authorization", "Bearer " + key).contentType(MediaType.APPLICATION_JSON)
                .content("{\"items\":[]}"));
    }
}
