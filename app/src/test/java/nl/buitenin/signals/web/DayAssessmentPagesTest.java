package nl.buitenin.signals.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import nl.buitenin.access.Role;
import nl.buitenin.access.Users.NewUser;
import nl.buitenin.access.internal.JdbcUsers;
import nl.buitenin.access.internal.StoredUser;
import nl.buitenin.signals.internal.assessment.Assessment;
import nl.buitenin.signals.internal.assessment.AssessmentRound;
import nl.buitenin.signals.internal.assessment.JdbcAssessment;
import nl.buitenin.signals.internal.assessment.RoundForm;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.Unique;
import nl.buitenin.testing.VisibleText;

/**
 * Day's self-assessment end to end on the database: an admin defines a round and downloads one-time links; a colleague
 * answers through a link, which then stops working; wrong input names the statement in the reader's language; the
 * results hide a department of three (and the smallest other one with it) on the page and in the API; roles are kept.
 */
@DatabaseTest
@AutoConfigureMockMvc
class DayAssessmentPagesTest {

    private static final Locale DUTCH = Locale.forLanguageTag("nl");

    @Autowired
    MockMvc mvc;
    @Autowired
    Assessment assessment;
    @Autowired
    JdbcAssessment store;
    @Autowired
    JdbcUsers users;

    @Test
    void anAdminDefinesARoundAndDownloadsLinksThatWorkOnce() throws Exception {
        StoredUser admin = staff(Role.ADMIN);
        String name = Unique.name("Ronde");
        LocalDate today = assessment.today();
        String refused = mvc.perform(post("/signals/assessment/rounds").with(user(admin)).with(csrf()).locale(DUTCH)
                        .param("name", name).param("opensOn", today.toString()).param("closesOn", today.minusDays(1).toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(VisibleText.of(refused)).contains("Laatste dag: de laatste dag ligt vóór de eerste");

        mvc.perform(post("/signals/assessment/rounds").with(user(admin)).with(csrf()).locale(DUTCH)
                        .param("name", name).param("opensOn", today.toString()).param("closesOn", today.plusDays(14).toString()))
                .andExpect(status().is3xxRedirection());
        String rounds = VisibleText.of(mvc.perform(get("/signals/assessment/rounds").with(user(admin)).locale(DUTCH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(rounds).contains(name);
        AssessmentRound round = store.rounds().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();

        String wrongCount = VisibleText.of(mvc.perform(post("/signals/assessment/rounds/" + round.id() + "/links").with(user(admin)).with(csrf())
                        .locale(DUTCH).param("department", "Boekingen").param("level", "front_line").param("count", "0"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(wrongCount).contains("Aantal links: een aantal van 1 tot en met 1000");

        var download = mvc.perform(post("/signals/assessment/rounds/" + round.id() + "/links").with(user(admin)).with(csrf()).locale(DUTCH)
                        .param("department", "Boekingen").param("level", "front_line").param("count", "3"))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(download.getContentType()).startsWith("text/csv");
        List<String> lines = download.getContentAsString().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo("department,level,link");
        assertThat(lines.get(1)).startsWith("Boekingen,Medewerkers met klantcontact,http");
        String path = URI.create(lines.get(1).substring(lines.get(1).lastIndexOf(",") + 1)).getPath();

        String page = mvc.perform(get(path).locale(DUTCH)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(VisibleText.of(page)).contains("Hoe marktgericht zijn we?").contains("We horen snel wanneer klanten naar iets anders gaan vragen.")
                .contains("Boekingen").contains("medewerkers met klantcontact").contains("Weet ik niet");
        assertThat(VisibleText.problems(page)).isEmpty();

        String wrong = mvc.perform(post(path).with(csrf()).locale(DUTCH).param("s.sensing.shift", "7").param("s.linking.reach", "4"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(VisibleText.of(wrong)).contains("We horen snel wanneer klanten naar iets anders gaan vragen.: kies een antwoord van 1 tot en met 5");
        String empty = mvc.perform(post(path).with(csrf()).locale(Locale.ENGLISH).param("s.sensing.shift", ""))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(VisibleText.of(empty)).contains("answer at least one statement");

        mvc.perform(post(path).with(csrf()).locale(DUTCH).param("s.sensing.shift", "2").param("s.linking.reach", "4"))
                .andExpect(status().isOk());
        mvc.perform(post(path).with(csrf()).locale(DUTCH).param("s.sensing.shift", "5")).andExpect(status().isGone());
        mvc.perform(get(path).locale(DUTCH)).andExpect(status().isGone());
        mvc.perform(get(path.substring(0, path.length() - 2) + "xx").locale(DUTCH)).andExpect(status().isNotFound());
    }

    @Test
    void aDepartmentOfThreeShowsNothingAndTheGapWaitsForKOnEachSide() throws Exception {
        LocalDate today = assessment.today();
        AssessmentRound round = assessment.defineRound(new RoundForm(Unique.name("Klein"), today.toString(), today.plusDays(7).toString()));
        answer(round, "Directie", "management", 3, Map.of("sensing.shift", "5", "conditions.leaders", "5"));
        answer(round, "Stafbureau", "support", 6, Map.of("sensing.shift", "3"));
        answer(round, "Boekingen", "front_line", 12, Map.of("sensing.shift", "2", "conditions.leaders", "2"));

        StoredUser analyst = staff(Role.ANALYST);
        String json = mvc.perform(get("/api/v1/signals/assessment").with(user(analyst))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String at = "$[?(@.id == '" + round.id() + "')]";
        assertThat(JsonPath.<List<Object>>read(json, at + ".units[?(@.department == 'Directie')].hidden")).containsExactly(true);
        assertThat(JsonPath.<List<Object>>read(json, at + ".units[?(@.department == 'Directie')].scores.sensing")).containsOnlyNulls();
        assertThat(JsonPath.<List<Object>>read(json, at + ".units[?(@.department == 'Stafbureau')].hidden")).containsExactly(true);
        assertThat(JsonPath.<List<Object>>read(json, at + ".units[?(@.department == 'Boekingen')].scores.sensing.mean")).containsExactly(2.0);
        assertThat(JsonPath.<List<Object>>read(json, at + ".units[?(@.department == null)].respondents")).containsExactly(21);
        assertThat(JsonPath.<List<Object>>read(json, at + ".gaps[?(@.capability == 'sensing')].hidden")).containsExactly(true);

        String page = mvc.perform(get("/signals/assessment").param("round", round.id().toString()).with(user(analyst)).locale(DUTCH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String visible = VisibleText.of(page);
        assertThat(visible).contains("Per vermogen en afdeling").contains("12 van 12 geantwoord")
                .contains("verborgen: minder dan 5 collega's").contains("verborgen: een van beide groepen telt minder dan 5 collega's");
        assertThat(VisibleText.problems(page)).isEmpty();
        assertThat(VisibleText.codesInText(visible)).isEmpty();
    }

    @Test
    void rolesAreKept() throws Exception {
        mvc.perform(get("/signals/assessment").with(user(staff(Role.AGENT)))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/signals/assessment").with(user(staff(Role.PLANNER)))).andExpect(status().isForbidden());
        StoredUser analyst = staff(Role.ANALYST);
        mvc.perform(get("/signals/assessment/rounds").with(user(analyst))).andExpect(status().isForbidden());
        mvc.perform(post("/signals/assessment/rounds").with(user(analyst)).with(csrf()).param("name", "x")).andExpect(status().isForbidden());
        mvc.perform(get("/signals/assessment").with(user(analyst))).andExpect(status().isOk());
    }

    private void answer(AssessmentRound round, String department, String level, int colleagues, Map<String, String> scores) {
        for (String link : assessment.links(round.id(), department, level, String.valueOf(colleagues))) {
            assessment.answer(link.substring(link.lastIndexOf('/') + 1), scores);
        }
    }

    private StoredUser staff(Role role) {
        String name = "day-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new NewUser(name, name, "a long enough password", Set.of(role), null, "nl", false));
        return users.storedByUsername(name).orElseThrow();
    }
}
