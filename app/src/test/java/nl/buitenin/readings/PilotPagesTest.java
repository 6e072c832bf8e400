package nl.buitenin.readings;

import static nl.buitenin.readings.PilotFixture.join;
import static nl.buitenin.readings.PilotFixture.times;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import nl.buitenin.access.Role;
import nl.buitenin.access.Users.NewUser;
import nl.buitenin.access.internal.JdbcUsers;
import nl.buitenin.access.internal.StoredUser;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.listening.QuestionType;
import nl.buitenin.readings.internal.Pilot;
import nl.buitenin.readings.internal.PilotForm;
import nl.buitenin.readings.internal.PilotReadings;
import nl.buitenin.readings.internal.Pilots;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.VisibleText;

/**
 * The pilots pages and API: an analyst defines a pilot and reads what it can detect in words; a running pilot shows
 * its progress and no effect on the page or in the API, however large the difference already is; a finished pilot
 * reads in plain words; wrong input is named by field in the reader's language; an agent is refused.
 */
@DatabaseTest
@AutoConfigureMockMvc
class PilotPagesTest {

    private static final Locale DUTCH = Locale.forLanguageTag("nl");

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    Pilots pilots;
    @Autowired
    PilotReadings readings;
    @Autowired
    JdbcUsers users;

    PilotFixture fixture;
    LocalDate today;

    @BeforeEach
    void journey() {
        fixture = PilotFixture.in(context);
        today = readings.today();
    }

    @Test
    void anAnalystDefinesAPilotThroughTheFormAndReadsWhatItCanDetect() throws Exception {
        fixture.answers(fixture.website, today.minusDays(5), QuestionType.NPS, join(times(60, 10), times(30, 8), times(22, 4)));
        fixture.answers(fixture.phone, today.minusDays(6), QuestionType.NPS, join(times(60, 9), times(52, 5)));
        StoredUser analyst = staff(Role.ANALYST, "nl");

        String form = page(get("/pilots/new"), analyst, DUTCH);
        assertThat(VisibleText.of(form)).contains(fixture.websiteName).contains("Boeken").contains("Vergelijken met");
        assertThat(VisibleText.problems(form)).isEmpty();

        String location = mvc.perform(post("/pilots").with(user(analyst)).with(csrf()).locale(DUTCH)
                        .param("name", "Duidelijkere boekingspagina").param("change", "Eén pagina in plaats van vier stappen.")
                        .param("measure", "nps").param("startsOn", today.plusDays(7).toString()).param("endsOn", today.plusDays(34).toString())
                        .param("control", "touchpoints").param("touchpoints", fixture.website.value().toString())
                        .param("controlTouchpoints", fixture.phone.value().toString()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/pilots/");

        String pilot = page(get(location), analyst, DUTCH);
        String visible = VisibleText.of(pilot);
        // 112 answers in 56 days at each: 56 expected per group over 28 days; 56 per group detect (NPS formula) about 48 points.
        assertThat(visible).contains("Verwacht: ongeveer 56 antwoorden in de pilotgroep en 56 in de controlegroep")
                .containsPattern("Met ongeveer 56 antwoorden per groep kunt u een verschil vanaf \\d+ NPS-punten aantonen")
                .contains(fixture.websiteName).contains(fixture.phoneName).contains("gepland").doesNotContain("Resultaat");
        assertThat(VisibleText.problems(pilot)).isEmpty();
        assertThat(VisibleText.codesInText(visible)).isEmpty();
        assertThat(page(get("/pilots"), analyst, DUTCH)).contains("Duidelijkere boekingspagina");

        String english = page(get(location), staff(Role.ANALYST, "en"), Locale.ENGLISH);
        assertThat(VisibleText.of(english)).containsPattern("With about 56 answers per group you can show a difference of \\d+ NPS points or more");
    }

    @Test
    void aRunningPilotShowsProgressButNeitherThePageNorTheApiShowsTheEffect() throws Exception {
        fixture.answers(fixture.website, today.minusDays(2), QuestionType.NPS, times(40, 10));
        fixture.answers(fixture.phone, today.minusDays(2), QuestionType.NPS, times(40, 0));
        Pilot pilot = pilots.defineOn(form("Loopt nog", "nps", today.minusDays(6), today.plusDays(7), List.of(fixture.website),
                List.of(fixture.phone)), today.minusDays(13), Instant.now());
        StoredUser analyst = staff(Role.ANALYST, "nl");

        String visible = VisibleText.of(page(get("/pilots/" + pilot.id()), analyst, DUTCH));
        assertThat(visible).contains("loopt").contains("Voortgang").contains("Tot nu toe 40 van de").contains("en 40 in de controlegroep")
                .contains("Dagen te gaan: 8").contains("pas na de laatste dag")
                .doesNotContain("Resultaat").doesNotContain("95 %-interval").doesNotContain("hoger dan").doesNotContain("; p ");

        String json = mvc.perform(get("/api/v1/pilots/" + pilot.id()).with(user(analyst)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("running"))
                .andExpect(jsonPath("$.progress.pilotAnswers").value(40)).andExpect(jsonPath("$.result").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        assertThat(json).doesNotContain("difference\"").doesNotContain("pValue").doesNotContain("lower");
        String list = mvc.perform(get("/api/v1/pilots").param("size", "500").with(user(analyst))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        List<java.util.Map<String, Object>> item = com.jayway.jsonpath.JsonPath.read(list, "$.items[?(@.id == '" + pilot.id() + "')]");
        assertThat(item).singleElement().satisfies(p -> {
            assertThat(p.get("result")).isNull();
            assertThat(p.get("state")).isEqualTo("running");
        });
    }

    @Test
    void aFinishedPilotReadsInPlainWords() throws Exception {
        LocalDate start = today.minusDays(30);
        LocalDate end = today.minusDays(10);
        fixture.answers(fixture.website, start.plusDays(1), QuestionType.NPS, join(times(25, 10), times(10, 8), times(5, 3)));
        fixture.answers(fixture.phone, start.plusDays(2), QuestionType.NPS, join(times(10, 10), times(10, 8), times(20, 3)));
        Pilot pilot = pilots.defineOn(form("Afgelopen", "nps", start, end, List.of(fixture.website), List.of(fixture.phone)),
                start.minusDays(7), Instant.now());

        String visible = VisibleText.of(page(get("/pilots/" + pilot.id()), staff(Role.ANALYST, "nl"), DUTCH));
        // Pilot NPS 100 * (25 - 5) / 40 = 50, control 100 * (10 - 20) / 40 = -25: 75 points higher.
        assertThat(visible).contains("afgelopen").contains("In de pilotgroep was de score 75,0 NPS-punten hoger dan in de controlegroep")
                .contains("Het interval bevat geen 0").contains("andere contactmomenten in dezelfde periode")
                .contains("niet waarom").doesNotContain("Voortgang");
        assertThat(VisibleText.codesInText(visible)).isEmpty();

        String english = VisibleText.of(page(get("/pilots/" + pilot.id()), staff(Role.ANALYST, "en"), Locale.ENGLISH));
        assertThat(english).contains("In the pilot group the score was 75.0 NPS points higher than in the control group");
        mvc.perform(get("/api/v1/pilots/" + pilot.id()).with(user(staff(Role.ADMIN, "nl")))).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("finished")).andExpect(jsonPath("$.result.difference").value(75.0))
                .andExpect(jsonPath("$.result.significant").value(true)).andExpect(jsonPath("$.result.pilotN").value(40));
    }

    @Test
    void aNonSignificantResultSaysItIsNoProofOfNoEffect() throws Exception {
        LocalDate start = today.minusDays(30);
        LocalDate end = today.minusDays(10);
        fixture.answers(fixture.website, start.plusDays(1), QuestionType.NPS, join(times(5, 10), times(3, 8), times(4, 3)));
        fixture.answers(fixture.website, start.minusDays(5), QuestionType.NPS, join(times(4, 10), times(4, 8), times(4, 3)));
        Pilot pilot = pilots.defineOn(new PilotForm("Klein", "Iets kleins", "nps", start.toString(), end.toString(), "period_before",
                List.of(fixture.website.value().toString()), List.of()), start.minusDays(7), Instant.now());

        String visible = VisibleText.of(page(get("/pilots/" + pilot.id()), staff(Role.ANALYST, "nl"), DUTCH));
        assertThat(visible).contains("Het interval bevat 0").contains("geen bewijs dat de verandering niets doet")
                .contains("kon de pilot pas een verschil vanaf ongeveer").contains("een eerdere periode");
    }

    /** Counts of fewer answers than the small-cell minimum (5 here) are not shown, so a group of a few people is not singled out. */
    @Test
    void smallCountsAreHidden() throws Exception {
        fixture.answers(fixture.website, today.minusDays(1), QuestionType.CSAT, 5, 4, 2);
        fixture.answers(fixture.phone, today.minusDays(1), QuestionType.CSAT, times(12, 4));
        Pilot running = pilots.defineOn(form("Weinig", "csat", today.minusDays(3), today.plusDays(3), List.of(fixture.website),
                List.of(fixture.phone)), today.minusDays(10), Instant.now());
        StoredUser analyst = staff(Role.ANALYST, "nl");
        assertThat(VisibleText.of(page(get("/pilots/" + running.id()), analyst, DUTCH)))
                .contains("Tot nu toe minder dan 5 van de").contains("en 12 in de controlegroep");
        mvc.perform(get("/api/v1/pilots/" + running.id()).with(user(analyst))).andExpect(status().isOk())
                .andExpect(jsonPath("$.progress.pilotAnswers").doesNotExist()).andExpect(jsonPath("$.progress.hidden").value(true))
                .andExpect(jsonPath("$.progress.controlAnswers").value(12));

        fixture.answers(fixture.shop, today.minusDays(20), QuestionType.CSAT, 5, 5, 1);
        Pilot finished = pilots.defineOn(form("Te weinig", "csat", today.minusDays(25), today.minusDays(15), List.of(fixture.shop),
                List.of(fixture.phone)), today.minusDays(30), Instant.now());
        assertThat(VisibleText.of(page(get("/pilots/" + finished.id()), analyst, DUTCH)))
                .contains("Te weinig antwoorden om te vergelijken: minder dan 5 in de pilotgroep").doesNotContain("hoger");
        mvc.perform(get("/api/v1/pilots/" + finished.id()).with(user(analyst))).andExpect(status().isOk())
                .andExpect(jsonPath("$.result.pilotN").doesNotExist()).andExpect(jsonPath("$.result.difference").doesNotExist());
    }

    @Test
    void wrongInputIsNamedByFieldInTheReadersLanguage() throws Exception {
        StoredUser analyst = staff(Role.ANALYST, "nl");
        String page = mvc.perform(post("/pilots").with(user(analyst)).with(csrf()).locale(DUTCH).param("name", "")
                        .param("measure", "nps").param("startsOn", today.plusDays(9).toString()).param("endsOn", today.plusDays(2).toString())
                        .param("control", "touchpoints").param("touchpoints", fixture.website.value().toString())
                        .param("controlTouchpoints", fixture.website.value().toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String visible = VisibleText.of(page).replace(" : ", ": ");
        assertThat(visible).contains("name: Geef de pilot een naam.").contains("endsOn: De laatste dag moet na de eerste dag liggen.")
                .contains("controlTouchpoints: Een contactmoment kan niet in de pilot én in de controlegroep zitten");
        assertThat(VisibleText.problems(page)).isEmpty();

        mvc.perform(post("/api/v1/pilots").with(user(analyst)).with(csrf()).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"X\",\"change\":\"Y\",\"measure\":\"nps\",\"startsOn\":\"" + today.minusDays(1)
                                + "\",\"endsOn\":\"" + today.plusDays(10) + "\",\"control\":\"period_before\",\"touchpoints\":[]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'startsOn')].message").value(hasItem(containsString("may not lie in the past"))))
                .andExpect(jsonPath("$.errors[?(@.field == 'touchpoints')].message").value(hasItem(containsString("at least one touchpoint"))));
    }

    @Test
    void theApiDefinesAPilot() throws Exception {
        mvc.perform(post("/api/v1/pilots").with(user(staff(Role.ANALYST, "nl"))).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Via de API\",\"change\":\"Nieuwe knop\",\"measure\":\"ces\",\"startsOn\":\"" + today.plusDays(1)
                                + "\",\"endsOn\":\"" + today.plusDays(14) + "\",\"control\":\"period_before\",\"touchpoints\":[\""
                                + fixture.shop.value() + "\"]}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.state").value("planned"))
                .andExpect(jsonPath("$.touchpoints[0].nameNl").exists()).andExpect(jsonPath("$.controlTo").value(today.toString()))
                .andExpect(jsonPath("$.plan.unit").value("scale_points")).andExpect(jsonPath("$.result").doesNotExist());
    }

    @Test
    void anAgentIsRefused() throws Exception {
        StoredUser agent = staff(Role.AGENT, "nl");
        mvc.perform(get("/pilots").with(user(agent))).andExpect(status().isForbidden());
        mvc.perform(get("/pilots/new").with(user(agent))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/pilots").with(user(agent))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/pilots").with(user(agent)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
    }

    private PilotForm form(String name, String measure, LocalDate start, LocalDate end, List<TouchpointId> group, List<TouchpointId> control) {
        return new PilotForm(name, "Wat er verandert", measure, start.toString(), end.toString(), "touchpoints",
                group.stream().map(t -> t.value().toString()).toList(), control.stream().map(t -> t.value().toString()).toList());
    }

    private String page(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, StoredUser user, Locale locale)
            throws Exception {
        return mvc.perform(request.with(user(user)).locale(locale)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private StoredUser staff(Role role, String language) {
        String name = "pilot-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new NewUser(name, name, "a long enough password", Set.of(role), null, language, false));
        return users.storedByUsername(name).orElseThrow();
    }
}
