package nl.buitenin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import nl.buitenin.access.Role;
import nl.buitenin.access.Scope;
import nl.buitenin.access.Users.NewUser;
import nl.buitenin.access.internal.ApiKeys;
import nl.buitenin.access.internal.JdbcUsers;
import nl.buitenin.access.internal.StoredUser;
import nl.buitenin.loop.internal.Teams;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.Unique;

/**
 * Input a tester sent from outside that once gave a 500 or was stored wrongly: each is now a 400 problem naming the field
 * (or item) in the caller's language, or is taken correctly. NUL only fails on PostgreSQL, so this runs on both databases.
 */
@DatabaseTest
@AutoConfigureMockMvc
class InputAnsweredClearlyTest {

    private static final String NUL = "\\u0000";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcUsers users;
    @Autowired
    ApiKeys apiKeys;
    @Autowired
    Teams teams;
    @Autowired
    Organisations organisations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    nl.buitenin.journey.internal.JdbcJourneys journeys;

    StoredUser admin;
    String ingestKey;

    @BeforeEach
    void callers() {
        if (users.byUsername("input-admin").isEmpty()) {
            users.create(new NewUser("input-admin", "Ineke Invoer", "a long enough password",
                    Set.of(Role.ADMIN, Role.ANALYST, Role.PLANNER, Role.PRIVACY_OFFICER), null, "nl", false));
        }
        admin = users.storedByUsername("input-admin").orElseThrow();
        ingestKey = apiKeys.issue("input-" + UUID.randomUUID(), Set.of(Scope.INGEST), null).plainText();
    }

    private ResultActions send(MockHttpServletRequestBuilder request, String json, String language) throws Exception {
        return mvc.perform(request.header("Authorization", "Bearer " + ingestKey).header("Accept-Language", language)
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private ResultActions asAdmin(MockHttpServletRequestBuilder request, String language) throws Exception {
        return mvc.perform(request.with(user(admin)).with(csrf()).header("Accept-Language", language));
    }

    private static String complaint(String team, String text) {
        return """
                {"externalId":"ext-%s","channel":"EMAIL","text":"%s"%s}""".formatted(UUID.randomUUID(), text,
                team == null ? "" : ",\"team\":\"" + team + "\"");
    }

    @Test
    void aComplaintWithATeamLongerThanItsColumnIsRefusedByName() throws Exception {
        String longTeam = "x".repeat(100_000);
        send(post("/api/v1/complaints"), complaint(longTeam, "Te lang"), "en").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("team"))
                .andExpect(jsonPath("$.errors[0].message").value("size must be between 0 and 100"));
        send(post("/api/v1/complaints"), complaint(longTeam, "Te lang"), "nl").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Ongeldige invoer"))
                .andExpect(jsonPath("$.errors[0].field").value("team"))
                .andExpect(jsonPath("$.errors[0].message").value("grootte moet tussen 0 en 100 liggen"));
    }

    @Test
    void aComplaintForAnUnknownTeamIsRefusedListingTheKnownTeams() throws Exception {
        String team = Unique.name("Klantenservice");
        teams.save(new Teams.Team(team, null));
        String misspelt = team.substring(0, team.length() - 1);
        send(post("/api/v1/complaints"), complaint(misspelt, "Niemand ziet deze zaak"), "nl").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("team"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("is geen bekend team")))
                .andExpect(jsonPath("$.errors[0].message").value(containsString(team)));
        send(post("/api/v1/complaints"), complaint(misspelt, "Niemand ziet deze zaak"), "en").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(containsString("is not a known team")));
        assertThat(jdbc.sql("select count(*) from loop_case where team = :t").param("t", misspelt).query(Long.class).single()).isZero();

        // The known team in other letters is that team, in its own spelling: its queue shows the case.
        String caseId = com.jayway.jsonpath.JsonPath.read(send(post("/api/v1/complaints"),
                complaint(" " + team.toUpperCase() + " ", "Wel te zien"), "nl").andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), "$.caseId");
        assertThat(jdbc.sql("select team from loop_case where id = :id").param("id", UUID.fromString(caseId)).query(String.class).single())
                .isEqualTo(team);

        // A user's team has a queue too, so it is known as well.
        String usersTeam = Unique.name("Winkel");
        users.create(new NewUser(Unique.name("agent").toLowerCase().replaceAll("[^a-z0-9]", ""), "Aad Agent",
                "a long enough password", Set.of(Role.AGENT), usersTeam, "nl", false));
        send(post("/api/v1/complaints"), complaint(usersTeam, "Winkel"), "nl").andExpect(status().isCreated());
        // Without a team the case type's default team applies, as before.
        send(post("/api/v1/complaints"), complaint(null, "Zonder team"), "nl").andExpect(status().isCreated());
    }

    @Test
    void nulInAComplaintIsRefusedByName() throws Exception {
        send(post("/api/v1/complaints"), complaint(null, "Klacht" + NUL + "met NUL"), "en").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("text"))
                .andExpect(jsonPath("$.errors[0].message").value("contains a character that cannot be stored (U+0000 at position 7)"));
        send(post("/api/v1/complaints"), complaint(null, "Klacht" + NUL), "nl").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("bevat een teken dat niet kan worden opgeslagen (U+0000 op positie 7)"));
        // A lone surrogate (a broken escape) cannot be written as UTF-8 either.
        send(post("/api/v1/complaints"), complaint(null, "Klacht \\ud800"), "en").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("text"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("U+D800")));
        // A real emoji (a surrogate pair) is text like any other.
        send(post("/api/v1/complaints"), complaint(null, "Klacht \\ud83d\\ude00"), "en").andExpect(status().isCreated());
    }

    @Test
    void nulInJourneyNamesIsRefusedByNameOnTheApiAndThePage() throws Exception {
        asAdmin(post("/api/v1/journeys").contentType(MediaType.APPLICATION_JSON)
                .content("{\"nameNl\":\"Reis" + NUL + "\",\"nameEn\":\"Trip\"}"), "en")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("nameNl"));
        asAdmin(post("/api/v1/journeys").contentType(MediaType.APPLICATION_JSON)
                .content("{\"nameNl\":\"" + Unique.name("Reis") + "\",\"nameEn\":\"" + Unique.name("Trip") + "\"}"), "en")
                .andExpect(status().isCreated());
        // The page's form: a 400 page naming the field, not a stack trace.
        asAdmin(post("/journeys").param("nameNl", "Reis\u0000").param("nameEn", "Trip"), "nl")
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("nameNl")))
                .andExpect(content().string(containsString("bevat een teken dat niet kan worden opgeslagen")));
        // And a query parameter of the API.
        asAdmin(get("/api/v1/privacy/access-log").param("actor", "a\u0000"), "en").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("actor"));
    }

    @Test
    void pageFormsRefuseATeamLongerThanItsColumnOrUnknownByName() throws Exception {
        String username = "team" + UUID.randomUUID().toString().substring(0, 8);
        asAdmin(post("/admin/users").param("username", username).param("displayName", "Tom Team")
                .param("roles", "AGENT").param("team", "t".repeat(101)).param("language", "nl"), "nl")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("mag hoogstens 100 tekens hebben")));
        assertThat(users.byUsername(username)).isEmpty();

        // A case type's default team must be a known team: otherwise its cases would show in no queue.
        String before = jdbc.sql("select coalesce(default_team, '') from loop_case_type where code = 'complaint'").query(String.class).single();
        mvc.perform(post("/admin/loop/case-types").with(user(admin)).with(csrf()).param("code", "complaint")
                        .param("nameNl", "Klacht").param("nameEn", "Complaint").param("slaWorkingDays", "5")
                        .param("defaultTeam", "Klantenservic"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attributeExists("errors"));
        assertThat(jdbc.sql("select coalesce(default_team, '') from loop_case_type where code = 'complaint'").query(String.class).single())
                .isEqualTo(before);
    }

    @Test
    void aNulOnAPublicPageIsA400PageNamingTheField() throws Exception {
        mvc.perform(get("/you-said-we-did").param("theme", "a\u0000b").header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("theme")))
                .andExpect(content().string(containsString("U+0000")));
    }

    @Test
    void inAnInteractionsBatchABadTextRefusesThatItemAlone() throws Exception {
        var journey = journeys.createJourney(new nl.buitenin.journey.internal.Names(Unique.name("Reis"), Unique.name("Trip")));
        var stage = journeys.addStage(journey, new nl.buitenin.journey.internal.Names("Fase", "Stage"));
        String touchpoint = journeys.addTouchpoint(stage, new nl.buitenin.journey.internal.Names("Balie", "Desk"),
                nl.buitenin.journey.Channel.LOCATION, "Utrecht").toString();
        String prefix = UUID.randomUUID().toString().substring(0, 8);
        send(post("/api/v1/interactions"), """
                {"items":[{"sourceId":"%1$s-ok","touchpoint":"%2$s","at":"2026-01-01T10:00:00Z"},
                          {"sourceId":"%1$s-bad","touchpoint":"%2$s","at":"2026-01-01T10:00:00Z","kind":"vis%3$sit"}]}"""
                .formatted(prefix, touchpoint, NUL), "en")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[1].status").value("REJECTED"))
                .andExpect(jsonPath("$.items[1].sourceId").value(prefix + "-bad"))
                .andExpect(jsonPath("$.items[1].errors[0].field").value("kind"))
                .andExpect(jsonPath("$.items[1].errors[0].message").value(containsString("U+0000")))
                .andExpect(jsonPath("$.items[0].status").value(org.hamcrest.Matchers.not("REJECTED")));
    }

    private String volume(String location, long offered, String start) {
        return """
                {"channel":"PHONE","location":"%s","intervalStart":"%s","offered":%d}""".formatted(location, start, offered);
    }

    private String intervalStart(int daysAgo) {
        ZoneId zone = organisations.current().timeZone();
        return LocalDate.now(zone).minusDays(daysAgo).atTime(9, 0).atZone(zone).toInstant().toString();
    }

    @Test
    void nulInADemandLocationIsRefusedByName() throws Exception {
        send(post("/api/v1/demand/volumes"), "{\"volumes\":[" + volume("Utrecht", 5, intervalStart(3)) + ","
                + volume("Caf" + NUL + "Utrecht", 5, intervalStart(3)) + "]}", "en")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("volumes[1].location"));
    }

    @Test
    void countsThatWouldOverflowTheIntervalAreRefusedByName() throws Exception {
        String location = Unique.name("Overloop");
        String start = intervalStart(4);
        send(post("/api/v1/demand/volumes"), "{\"volumes\":[" + volume(location, 9_223_372_036_854_775_000L, start) + ","
                + volume(location, 9_223_372_036_854_775_000L, start).replace("}", ",\"sourceId\":\"b\"}") + "]}", "en")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("volumes[0].offered"))
                .andExpect(jsonPath("$.errors[1].field").value("volumes[1].offered"));
        // Each row within the limit, together above it: the second is named, also against rows already stored.
        send(post("/api/v1/demand/volumes"), "{\"volumes\":[" + volume(location, 6_000_000, start).replace("}", ",\"sourceId\":\"c\"}")
                + "]}", "en").andExpect(status().isOk());
        send(post("/api/v1/demand/volumes"), "{\"volumes\":[" + volume(location, 6_000_000, start).replace("}", ",\"sourceId\":\"d\"}")
                + "]}", "nl").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("volumes[0].offered"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("12000000")));
        assertThat(jdbc.sql("select count(*) from demand_volume where location = :l").param("l", location).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void pagingParametersOutOfRangeAreRefusedByNameOnEveryPagedEndpoint() throws Exception {
        for (String path : new String[] {"/api/v1/users", "/api/v1/surveys", "/api/v1/widget-sites", "/api/v1/privacy/access-log"}) {
            asAdmin(get(path).param("page", "-1"), "en").andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("page"));
            asAdmin(get(path).param("size", "0"), "en").andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("size"));
            asAdmin(get(path).param("size", "501"), "nl").andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("size"))
                    .andExpect(jsonPath("$.errors[0].message").value("moet tussen 1 en 500 liggen"));
            asAdmin(get(path).param("page", "twee"), "en").andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("page"));
            asAdmin(get(path).param("page", "99999999999"), "en").andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("page"));
            asAdmin(get(path).param("page", "0").param("size", "500"), "en").andExpect(status().isOk());
        }
    }

    @Test
    void theAccessLogPageShowsThePagingMistakeAndTheFirstPage() throws Exception {
        asAdmin(get("/privacy/access-log").param("page", "-1"), "nl").andExpect(status().isOk())
                .andExpect(content().string(containsString("moet 0 of meer zijn")));
        // Pages speak the user's own language (Dutch here), whatever the browser asks.
        asAdmin(get("/privacy/access-log").param("page", "twee"), "en").andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("heeft een ongeldige waarde")));
    }
}
