package nl.buitenin.textinsight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

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
import nl.buitenin.loop.ThemeTaxonomy;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.EventsHandled;
import nl.buitenin.textinsight.internal.Notes;

/**
 * The suggested-themes API: a machine with INGEST runs discovery over a period and reads the suggestions with READ;
 * an analyst adopts one and dismisses another; an agent and a READ key may not decide; bad input is named by field in
 * the language of Accept-Language.
 */
@DatabaseTest
@AutoConfigureMockMvc
class SuggestedThemesApiTest {

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
    Notes notes;
    @Autowired
    ThemeTaxonomy taxonomy;
    @Autowired
    Organisations organisations;
    @Autowired
    ObjectMapper json;

    TextInsightFixture fixture;
    StoredUser analyst;
    StoredUser agent;
    String ingest;
    String reader;

    @BeforeEach
    void setUp() {
        fixture = TextInsightFixture.in(context);
        analyst = staff(Set.of(Role.ANALYST));
        agent = staff(Set.of(Role.AGENT));
        ingest = apiKeys.issue("discovery " + UUID.randomUUID(), Set.of(Scope.INGEST), null).plainText();
        reader = apiKeys.issue("reader " + UUID.randomUUID(), Set.of(Scope.READ), null).plainText();
    }

    @Test
    void aMachineRunsDiscoveryAndAnAnalystAdoptsOneAndDismissesAnother() throws Exception {
        LocalDate day = LocalDate.of(2010, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3650));
        noted(day, SuggestedThemesTest.BIKES);
        noted(day, SuggestedThemesTest.BREAKFAST);
        noted(day, SuggestedThemesTest.OTHER);

        mvc.perform(post("/api/v1/themes/suggested/discover").header("Authorization", "Bearer " + ingest)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"from\":\"" + day + "\",\"to\":\"" + day + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.texts").value(SuggestedThemesTest.BIKES.size() + SuggestedThemesTest.BREAKFAST.size() + SuggestedThemesTest.OTHER.size()))
                .andExpect(jsonPath("$.from").value(day.toString()));
        JsonNode listed = json.readTree(mvc.perform(get("/api/v1/themes/suggested").header("Authorization", "Bearer " + reader))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.run.to").value(day.toString()))
                .andExpect(jsonPath("$.suggestions[*].state", hasItem("SUGGESTED")))
                .andReturn().getResponse().getContentAsString());
        JsonNode parking = about(listed, "fiets");
        JsonNode lunch = about(listed, "ontbijt");
        assertThat(parking.get("language").asText()).isEqualTo("nl");
        assertThat(parking.get("size").asInt()).isGreaterThanOrEqualTo(4);
        assertThat(parking.get("examples")).hasSize(3);
        assertThat(parking.get("examples").get(0).get("source").asText()).isEqualTo("NOTE");
        assertThat(SuggestedThemesTest.BIKES).contains(parking.get("examples").get(0).get("text").asText());

        String adopt = "/api/v1/themes/suggested/" + parking.get("id").asText() + "/adopt";
        String dismiss = "/api/v1/themes/suggested/" + lunch.get("id").asText() + "/dismiss";
        // Wrong role, wrong scope: refused before anything changes.
        mvc.perform(post(adopt).with(user(agent)).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post(dismiss).header("Authorization", "Bearer " + reader)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/themes/suggested").with(user(agent))).andExpect(status().isForbidden());
        // Bad input: a phrase too long, named by field in Dutch.
        mvc.perform(post(adopt).with(user(analyst)).with(csrf()).header("Accept-Language", "nl").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"nameNl\":\"Parkeren " + word() + "\",\"examples\":[\"" + "x".repeat(201) + "\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("examples[0]"));

        String name = "Parkeren " + word();
        String adopted = mvc.perform(post(adopt).with(user(analyst)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"nameNl\":\"" + name + "\",\"nameEn\":\"Parking\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("ADOPTED"))
                .andExpect(jsonPath("$.theme.nameNl").value(name))
                .andReturn().getResponse().getContentAsString();
        String themeId = json.readTree(adopted).get("theme").get("id").asText();
        assertThat(taxonomy.all()).anySatisfy(theme -> {
            assertThat(theme.id().toString()).isEqualTo(themeId);
            assertThat(theme.examples()).isNotEmpty();
        });
        mvc.perform(post(dismiss).with(user(analyst)).with(csrf())).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("DISMISSED"));
        mvc.perform(post(dismiss).with(user(analyst)).with(csrf()).header("Accept-Language", "en"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/themes/suggested/" + UUID.randomUUID() + "/dismiss").header("Authorization", "Bearer " + ingest))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/themes/suggested").header("Authorization", "Bearer " + reader))
                .andExpect(jsonPath("$.suggestions[*].id", org.hamcrest.Matchers.not(hasItem(parking.get("id").asText()))));
    }

    @Test
    void aWrongPeriodIsNamedByFieldInTheReadersLanguage() throws Exception {
        mvc.perform(post("/api/v1/themes/suggested/discover").with(user(analyst)).with(csrf()).header("Accept-Language", "nl")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"from\":\"2026-13-01\",\"to\":\"2020-01-01\",\"count\":\"0\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"))
                .andExpect(jsonPath("$.errors[0].message").value("is geen datum als 2026-03-01: 2026-13-01"))
                .andExpect(jsonPath("$.errors[1].field").value("count"))
                .andExpect(jsonPath("$.errors[1].message").value("kies een aantal van 1 tot en met 30"));
        mvc.perform(post("/api/v1/themes/suggested/discover").header("Authorization", "Bearer " + ingest).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"from\":\"2020-01-02\",\"to\":\"2020-01-01\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"))
                .andExpect(jsonPath("$.errors[0].message").value("may not be before the start date"));
        mvc.perform(post("/api/v1/themes/suggested/discover").header("Authorization", "Bearer " + reader)
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isForbidden());
    }

    @Test
    void theThemesOfANoteAreReadThroughTheApi() throws Exception {
        String sun = "Zon " + word();
        taxonomy.add(sun, "Sun " + word(), List.of("zonnebrand was op", "geen schaduw onderweg", "te heet in de zon"));
        taxonomy.add("Stilte " + word(), "Quiet " + word(), List.of("lawaai van de snelweg", "rustige kamer"));
        EventsHandled handled = EventsHandled.since(registry);
        UUID note = notes.record(new Notes.NoteInput(fixture.touchpoint.value().toString(), "PHONE_CALL",
                "Mevrouw zei dat er onderweg geen schaduw was en dat het te heet was in de zon.", null, null), "medewerker").id();
        // About a person, heard four years ago: past the 36 months of "service improvement".
        UUID old = notes.record(new Notes.NoteInput(fixture.touchpoint.value().toString(), "PHONE_CALL", "Geen schaduw onderweg.",
                fixture.person("Sem").value(), java.time.Instant.now().minus(java.time.Duration.ofDays(4 * 366)).toString()),
                "medewerker").id();
        handled.await();

        mvc.perform(get("/api/v1/notes/" + note + "/themes").header("Authorization", "Bearer " + reader))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.textWithheld").value(false))
                .andExpect(jsonPath("$.themes[0].nameNl").value(sun))
                .andExpect(jsonPath("$.themes[0].confidence").value(org.hamcrest.Matchers.greaterThan(0.5)));
        mvc.perform(get("/api/v1/notes/" + old + "/themes").header("Authorization", "Bearer " + reader))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.textWithheld").value(true))
                .andExpect(jsonPath("$.themes", org.hamcrest.Matchers.empty()));
        mvc.perform(get("/api/v1/notes/" + note + "/themes").with(user(agent))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/notes/" + UUID.randomUUID() + "/themes").header("Authorization", "Bearer " + reader))
                .andExpect(status().isNotFound());
    }

    private static JsonNode about(JsonNode listed, String word) {
        for (JsonNode suggestion : listed.get("suggestions")) {
            for (JsonNode label : suggestion.get("labels")) {
                if (label.asText().toLowerCase().contains(word)) {
                    return suggestion;
                }
            }
        }
        throw new AssertionError("no suggestion about " + word + " in " + listed);
    }

    private void noted(LocalDate day, List<String> texts) throws Exception {
        EventsHandled handled = EventsHandled.since(registry);
        String noon = day.atStartOfDay(organisations.current().timeZone()).plusHours(12).toInstant().toString();
        for (String text : texts) {
            notes.record(new Notes.NoteInput(fixture.touchpoint.value().toString(), "OTHER", text, null, noon), "medewerker");
        }
        handled.await();
    }

    private StoredUser staff(Set<Role> roles) {
        String name = "ti-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new NewUser(name, name, "a long enough password", roles, null, "en", false));
        return users.storedByUsername(name).orElseThrow();
    }

    /**
     * A theme name must be unique, and the themes stay in the database other tests share: a made-up word, never an id,
     * since pages tested elsewhere show every theme and fail on an id.
     */
    private static String word() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }
}
