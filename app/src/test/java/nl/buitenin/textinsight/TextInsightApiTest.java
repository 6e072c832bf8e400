package nl.buitenin.textinsight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import nl.buitenin.access.Role;
import nl.buitenin.access.Scope;
import nl.buitenin.access.Users.NewUser;
import nl.buitenin.access.internal.ApiKeys;
import nl.buitenin.access.internal.JdbcUsers;
import nl.buitenin.access.internal.StoredUser;
import nl.buitenin.insight.text.SentimentLabel;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.EventsHandled;
import nl.buitenin.textinsight.internal.Analyses;

/**
 * The API of text insight: a response's, note's and case's analysis with its sentences; an analyst corrects the
 * label (an agent may not); notes are recorded and listed with a key's scopes; bad input is refused naming every
 * wrong field in the language of Accept-Language.
 */
@DatabaseTest
@AutoConfigureMockMvc
class TextInsightApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    EventPublicationRegistry registry;
    @Autowired
    JdbcUsers users;
    @Autowired
    ApiKeys apiKeys;
    @Autowired
    Analyses analyses;

    @Autowired
    ObjectMapper json;
    TextInsightFixture fixture;
    StoredUser analyst;
    StoredUser agent;

    @BeforeEach
    void setUp() {
        fixture = TextInsightFixture.in(context);
        analyst = staff(Set.of(Role.ANALYST));
        agent = staff(Set.of(Role.AGENT));
    }

    @Test
    void aResponsesTextShowsItsSentencesAndAnAnalystCorrectsItsLabel() throws Exception {
        PersonKey person = fixture.person("Fien");
        EventsHandled handled = EventsHandled.since(registry);
        UUID response = fixture.answered(person, "De gids was geweldig. Het hotel was vies en lawaaierig.");
        handled.await();

        mvc.perform(get("/api/v1/responses/" + response + "/text").with(user(analyst)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.language").value("nl"))
                .andExpect(jsonPath("$.corrected").value(false))
                .andExpect(jsonPath("$.textWithheld").value(false))
                .andExpect(jsonPath("$.sentences", hasSize(2)))
                .andExpect(jsonPath("$.sentences[0].text").value("De gids was geweldig."))
                .andExpect(jsonPath("$.sentences[0].label").value("positive"))
                .andExpect(jsonPath("$.sentences[1].label").value("negative"));

        mvc.perform(put("/api/v1/responses/" + response + "/text/label").with(user(agent)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"label\":\"positive\"}")).andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/responses/" + response + "/text/label").with(user(analyst)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"label\":\"Positive\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.label").value("positive"))
                .andExpect(jsonPath("$.corrected").value(true));
        assertThat(analyses.find(TextSource.COMMENT, response.toString()).orElseThrow().correctedBy()).isEqualTo(analyst.username());
        assertThat(analyses.corrected(TextSource.COMMENT)).extracting(a -> a.text().ref()).contains(response.toString());
        assertThat(analyses.corrected(TextSource.COMMENT)).filteredOn(a -> a.text().ref().equals(response.toString()))
                .extracting(a -> a.corrected()).containsExactly(SentimentLabel.POSITIVE);

        mvc.perform(put("/api/v1/responses/" + response + "/text/label").with(user(analyst)).with(csrf()).header("Accept-Language", "nl")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"label\":\"boos\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("label"))
                .andExpect(jsonPath("$.errors[0].message").value("kies negative, neutral of positive"));
        mvc.perform(put("/api/v1/responses/" + UUID.randomUUID() + "/text/label").with(user(analyst)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"label\":\"neutral\"}")).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/cases/" + UUID.randomUUID() + "/text").with(user(analyst))).andExpect(status().isNotFound());
    }

    @Test
    void aMachineRecordsANoteAndReadsItsAnalysis() throws Exception {
        String ingest = apiKeys.issue("notes " + UUID.randomUUID(), Set.of(Scope.INGEST), null).plainText();
        String reader = apiKeys.issue("reader " + UUID.randomUUID(), Set.of(Scope.READ), null).plainText();
        EventsHandled handled = EventsHandled.since(registry);
        String body = mvc.perform(post("/api/v1/notes").header("Authorization", "Bearer " + ingest).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"touchpoint\":\"" + fixture.touchpoint + "\",\"kind\":\"PHONE_CALL\","
                                + "\"text\":\"Mevrouw belde voor de derde keer, ze is erg boos en teleurgesteld.\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("PHONE_CALL"))
                .andReturn().getResponse().getContentAsString();
        handled.await();
        String id = json.readTree(body).get("id").asString();

        mvc.perform(get("/api/v1/notes/" + id + "/text").header("Authorization", "Bearer " + reader))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.label").value("negative"))
                .andExpect(jsonPath("$.sentences[0].text").value(containsString("Mevrouw belde")));
        mvc.perform(get("/api/v1/notes").param("touchpoint", fixture.touchpoint.toString()).header("Authorization", "Bearer " + reader))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(id));
        mvc.perform(post("/api/v1/notes").header("Authorization", "Bearer " + reader).contentType(MediaType.APPLICATION_JSON)
                .content("{}")).andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/notes/" + id + "/text/label").header("Authorization", "Bearer " + reader)
                .contentType(MediaType.APPLICATION_JSON).content("{\"label\":\"neutral\"}")).andExpect(status().isForbidden());
    }

    @Test
    void aBadNoteIsRefusedNamingEveryWrongFieldInTheReadersLanguage() throws Exception {
        String bad = "{\"touchpoint\":\"balie\",\"kind\":\"fax\",\"text\":\"  \",\"person\":\"jan\",\"heardAt\":\"gisteren\"}";
        String dutch = mvc.perform(post("/api/v1/notes").with(user(analyst)).with(csrf()).header("Accept-Language", "nl")
                        .contentType(MediaType.APPLICATION_JSON).content(bad))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("touchpoint")))
                .andReturn().getResponse().getContentAsString();
        JsonNode errors = json.readTree(dutch).get("errors");
        assertThat(errors).extracting(e -> e.get("field").asString()).containsExactly("touchpoint", "kind", "text", "person", "heardAt");
        assertThat(errors.get(0).get("message").asString()).isEqualTo("is geen contactmoment-id: balie");
        assertThat(errors.get(2).get("message").asString()).isEqualTo("schrijf op wat u hoorde");

        mvc.perform(post("/api/v1/notes").with(user(analyst)).with(csrf()).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"touchpoint\":\"" + UUID.randomUUID() + "\",\"kind\":\"visit\",\"text\":\"" + "a".repeat(4001) + "\","
                                + "\"heardAt\":\"2099-01-01T10:00:00+01:00\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("touchpoint"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("this touchpoint does not exist")))
                .andExpect(jsonPath("$.errors[1].field").value("text"))
                .andExpect(jsonPath("$.errors[1].message").value("may be at most 4000 characters long, this is 4001"))
                .andExpect(jsonPath("$.errors[2].field").value("heardAt"));
        mvc.perform(post("/api/v1/notes").with(user(analyst)).with(csrf()).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"OTHER\",\"text\":\"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("touchpoint"))
                .andExpect(jsonPath("$.errors[0].message").value("choose the touchpoint it was about"));
    }

    @Test
    void anAnalystCorrectsANotesSentimentInPlaceAndAnAgentMayNot() throws Exception {
        EventsHandled handled = EventsHandled.since(registry);
        mvc.perform(post("/notes").with(user(agent)).with(csrf()).param("touchpoint", fixture.touchpoint.toString())
                        .param("kind", "AT_THE_DOOR").param("text", "De folder was onduidelijk over de prijs."))
                .andExpect(status().is3xxRedirection());
        handled.await();
        String id = json.readTree(mvc.perform(get("/api/v1/notes").param("touchpoint", fixture.touchpoint.toString()).with(user(analyst)))
                .andReturn().getResponse().getContentAsString()).get("items").get(0).get("id").asString();

        mvc.perform(get("/notes").with(user(agent))).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.not(containsString("class=\"row correct\""))));
        mvc.perform(post("/notes/" + id + "/label").with(user(agent)).with(csrf()).param("label", "POSITIVE"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/notes/" + id + "/label").with(user(analyst)).with(csrf()).header("HX-Request", "true").param("label", "POSITIVE"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("id=\"note-" + id + "\"")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("corrected by an analyst")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.not(containsString("<html"))));
        assertThat(analyses.find(TextSource.NOTE, id).orElseThrow().corrected()).isEqualTo(SentimentLabel.POSITIVE);
    }

    private StoredUser staff(Set<Role> roles) {
        String name = "ti-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new NewUser(name, name, "a long enough password", roles, null, "en", false));
        return users.storedByUsername(name).orElseThrow();
    }
}
