package nl.buitenin.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import nl.buitenin.access.Scope;
import nl.buitenin.access.internal.ApiKeys;
import nl.buitenin.access.internal.JdbcUsers;
import nl.buitenin.access.internal.StoredUser;
import nl.buitenin.journey.Channel;
import nl.buitenin.loop.internal.CaseFile;
import nl.buitenin.loop.internal.CaseFiles;
import nl.buitenin.loop.internal.CaseStatus;
import nl.buitenin.loop.internal.CaseWork;
import nl.buitenin.loop.internal.Teams;
import nl.buitenin.platform.ConflictException;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.testing.DatabaseTest;

@DatabaseTest
@AutoConfigureMockMvc
class CasesTest {

    @Autowired
    Cases cases;
    @Autowired
    CaseWork work;
    @Autowired
    CaseFiles files;
    @Autowired
    Teams teams;
    @Autowired
    JdbcUsers users;
    @Autowired
    ApiKeys apiKeys;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    static PersonKey person() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        StringBuilder key = new StringBuilder("p_");
        java.util.Random random = new java.util.Random(UUID.randomUUID().getMostSignificantBits());
        for (int i = 0; i < 26; i++) {
            key.append(alphabet.charAt(random.nextInt(32)));
        }
        return new PersonKey(key.toString());
    }

    CaseFile openForTeam(String team, PersonKey person, String text) {
        return work.open(new CaseWork.Opening(CaseSource.complaint(UUID.randomUUID().toString()), CaseType.COMPLAINT, person,
                null, Channel.PHONE, team, null, text), "test", Instant.now()).file();
    }

    @Test
    void theSameAnswerNeverOpensTwoCases() {
        CaseSource source = CaseSource.answer("a-" + UUID.randomUUID());
        CaseId first = cases.openFor(source, CaseType.DETRACTOR, person(), null, "Gaf een 3");
        CaseId second = cases.openFor(source, CaseType.DETRACTOR, person(), null, "Gaf een 3");
        assertThat(second).isEqualTo(first);
        assertThat(jdbc.sql("select count(*) from loop_case where source_ref = :s").param("s", source.value())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void concurrentOpeningsOfOneSourceMakeOneCase() throws Exception {
        CaseSource source = CaseSource.answer("race-" + UUID.randomUUID());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<CaseId>> calls = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                calls.add(() -> cases.openFor(source, CaseType.DETRACTOR, null, null, "tegelijk"));
            }
            Set<CaseId> ids = new java.util.HashSet<>();
            for (Future<CaseId> f : pool.invokeAll(calls)) {
                ids.add(f.get());
            }
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.sql("select count(*) from loop_case where source_ref = :s").param("s", source.value())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from loop_case_event e join loop_case c on c.id = e.case_id "
                + "where c.source_ref = :s and e.kind = 'opened'").param("s", source.value()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theDeadlineFollowsTheTypesSla() {
        CaseFile c = openForTeam(LoopFixture.uniqueTeam(), null, "klacht");
        assertThat(c.deadline()).isAfter(c.openedAt().plusSeconds(5 * 24 * 3600L));
        assertThat(c.deadline()).isBefore(c.openedAt().plusSeconds(10 * 24 * 3600L));
    }

    @Test
    void anOpenCaseHoldsBackUntilItIsClosed() {
        String team = LoopFixture.uniqueTeam();
        StoredUser agent = LoopFixture.agentOf(users, team);
        PersonKey person = person();
        CaseFile c = openForTeam(team, person, "Te snel gelopen");
        assertThat(cases.hasOpenCase(person)).isTrue();
        work.resolve(agent.toUser(), c.id(), "Uitgelegd");
        assertThat(cases.hasOpenCase(person)).isTrue();
        work.close(agent.toUser(), c.id());
        assertThat(cases.hasOpenCase(person)).isFalse();
        assertThat(files.history(c.id())).extracting(h -> h.kind()).containsExactly("opened", "resolved", "closed");
    }

    @Test
    void anAgentOfAnotherTeamGetsNotFoundForACase() throws Exception {
        String team = LoopFixture.uniqueTeam();
        CaseFile c = openForTeam(team, null, "Geheim voor andere teams");
        StoredUser own = LoopFixture.agentOf(users, team);
        StoredUser other = LoopFixture.agentOf(users, LoopFixture.uniqueTeam());
        mvc.perform(get("/cases/" + c.id()).with(user(own))).andExpect(status().isOk());
        mvc.perform(get("/cases/" + c.id()).with(user(other))).andExpect(status().isNotFound());
        mvc.perform(post("/cases/" + c.id() + "/resolve").param("outcome", "weg").with(user(other)).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(files.byId(c.id()).orElseThrow().status()).isEqualTo(CaseStatus.NEW);
        String queue = mvc.perform(get("/cases").with(user(other))).andReturn().getResponse().getContentAsString();
        assertThat(queue).doesNotContain("Geheim voor andere teams");
    }

    /** The case page offers closing and reopening only when the case itself says it accepts them. */
    @Test
    void theCasePageOffersTheStepsTheCaseAccepts() throws Exception {
        String team = LoopFixture.uniqueTeam();
        StoredUser agent = LoopFixture.agentOf(users, team);
        CaseFile c = openForTeam(team, null, "Bus te laat");
        String open = mvc.perform(get("/cases/" + c.id()).with(user(agent))).andReturn().getResponse().getContentAsString();
        assertThat(open).doesNotContain("id=\"close-form\"", "id=\"reopen-form\"");
        mvc.perform(post("/cases/" + c.id() + "/resolve").param("outcome", "Uitgelegd").with(user(agent)).with(csrf()))
                .andExpect(status().is3xxRedirection());

        String resolved = mvc.perform(get("/cases/" + c.id()).with(user(agent))).andReturn().getResponse().getContentAsString();

        assertThat(resolved).contains("id=\"close-form\"", "id=\"reopen-form\"");
    }

    /** A complaint typed in the form with a wrong channel, touchpoint and no text is shown with each field named, in the agent's language. */
    @Test
    void theComplaintFormNamesEveryWrongFieldAtOnce() throws Exception {
        StoredUser agent = LoopFixture.agentOf(users, LoopFixture.uniqueTeam());

        var page = mvc.perform(post("/cases/new").param("type", CaseType.COMPLAINT.code()).param("channel", "FAX")
                .param("touchpoint", "balie-3").param("text", " ").with(user(agent)).with(csrf()))
                .andExpect(status().isOk()).andReturn();

        @SuppressWarnings("unchecked")
        List<nl.buitenin.platform.InvalidInputException.FieldError> errors =
                (List<nl.buitenin.platform.InvalidInputException.FieldError>) page.getModelAndView().getModel().get("errors");
        assertThat(errors).extracting(nl.buitenin.platform.InvalidInputException.FieldError::field)
                .containsExactly("channel", "touchpoint", "text");
        assertThat(page.getResponse().getContentAsString()).contains("write down what the person said", "not valid");
    }

    @Test
    void anAgentWorksACaseThroughThePages() throws Exception {
        String team = LoopFixture.uniqueTeam();
        StoredUser agent = LoopFixture.agentOf(users, team);
        CaseFile c = openForTeam(team, person(), "Wachttijd telefoon");
        mvc.perform(post("/cases/" + c.id() + "/callbacks").param("outcome", "REACHED").param("note", "Excuses")
                .with(user(agent)).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/cases/" + c.id() + "/resolve").param("outcome", "Tegoedbon").with(user(agent)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        CaseFile after = files.byId(c.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(CaseStatus.RESOLVED);
        assertThat(after.firstContactAt()).isNotNull();
        assertThat(files.callbacks(c.id())).hasSize(1);
        // Closing twice: the second is refused and shown, the case stays closed once.
        mvc.perform(post("/cases/" + c.id() + "/close").with(user(agent)).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/cases/" + c.id() + "/close").with(user(agent)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attributeExists("errors"));
        assertThat(files.history(c.id()).stream().filter(h -> h.kind().equals("closed"))).hasSize(1);
    }

    @Test
    void onlyTheLeadReassignsAndOnlyWithinTheTeam() {
        String team = LoopFixture.uniqueTeam();
        StoredUser lead = LoopFixture.agentOf(users, team);
        StoredUser agent = LoopFixture.agentOf(users, team);
        StoredUser outsider = LoopFixture.agentOf(users, LoopFixture.uniqueTeam());
        teams.save(new Teams.Team(team, lead.id().value()));
        CaseFile c = openForTeam(team, null, "Bagage kwijt");
        assertThatThrownBy(() -> work.reassign(agent.toUser(), c.id(), agent.id().value())).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> work.reassign(lead.toUser(), c.id(), outsider.id().value()))
                .hasMessageContaining("owner");
        work.reassign(lead.toUser(), c.id(), agent.id().value());
        assertThat(files.byId(c.id()).orElseThrow().owner()).isEqualTo(agent.id().value());
    }

    @Test
    void overdueCasesAreEscalatedToTheLeadOnce() {
        String team = LoopFixture.uniqueTeam();
        StoredUser lead = LoopFixture.agentOf(users, team);
        teams.save(new Teams.Team(team, lead.id().value()));
        CaseFile c = work.open(new CaseWork.Opening(CaseSource.complaint(UUID.randomUUID().toString()), CaseType.COMPLAINT,
                null, null, Channel.EMAIL, team, null, "Oud"), "test", Instant.now().minusSeconds(30L * 24 * 3600)).file();
        work.escalateOverdue(Instant.now());
        CaseFile escalated = files.byId(c.id()).orElseThrow();
        assertThat(escalated.escalatedAt()).isNotNull();
        assertThat(escalated.owner()).isEqualTo(lead.id().value());
        work.escalateOverdue(Instant.now());
        assertThat(files.history(c.id()).stream().filter(h -> h.kind().equals("escalated"))).hasSize(1);
    }

    @Test
    void aComplaintThroughTheApiIsIdempotentByExternalId() throws Exception {
        String key = apiKeys.issue("shop", Set.of(Scope.INGEST), null).plainText();
        String body = """
                {"externalId":"shop-%s","channel":"LOCATION","text":"Folder klopte niet","personKey":"%s"}"""
                .formatted(UUID.randomUUID(), person().value());
        String first = mvc.perform(post("/api/v1/complaints").header("Authorization", "Bearer " + key)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.created").value(true))
                .andReturn().getResponse().getContentAsString();
        String second = mvc.perform(post("/api/v1/complaints").header("Authorization", "Bearer " + key)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andExpect(jsonPath("$.created").value(false))
                .andReturn().getResponse().getContentAsString();
        assertThat(second.substring(0, 50)).isEqualTo(first.substring(0, 50));
    }

    @Test
    void aBadComplaintNamesTheField() throws Exception {
        String key = apiKeys.issue("shop2", Set.of(Scope.INGEST), null).plainText();
        mvc.perform(post("/api/v1/complaints").header("Authorization", "Bearer " + key).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"externalId\":\"x1\",\"channel\":\"PHONE\",\"text\":\"t\",\"personKey\":\"jan@example.org\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("personKey"));
        mvc.perform(post("/api/v1/complaints").header("Authorization", "Bearer " + key).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"externalId\":\"x2\",\"channel\":\"PHONE\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[?(@.field == 'text')]").exists());
    }

    @Test
    void aServiceDeskUpdatesACaseOnceForOneUpdateId() throws Exception {
        String key = apiKeys.issue("topdesk", Set.of(Scope.CASES), null).plainText();
        CaseFile c = openForTeam(LoopFixture.uniqueTeam(), null, "Via de desk");
        String body = "{\"updateId\":\"td-" + UUID.randomUUID() + "\",\"status\":\"CLOSED\",\"note\":\"Opgelost in TOPdesk\"}";
        mvc.perform(patch("/api/v1/cases/" + c.id()).header("Authorization", "Bearer " + key)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CLOSED")).andExpect(jsonPath("$.applied").value(true));
        mvc.perform(patch("/api/v1/cases/" + c.id()).header("Authorization", "Bearer " + key)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andExpect(jsonPath("$.applied").value(false));
        assertThat(files.notes(c.id())).hasSize(1);
        assertThat(files.history(c.id())).extracting(h -> h.kind()).containsExactly("opened", "note", "resolved", "closed");
        mvc.perform(patch("/api/v1/cases/" + UUID.randomUUID()).header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isNotFound());
        String ingestOnly = apiKeys.issue("wrong", Set.of(Scope.INGEST), null).plainText();
        mvc.perform(patch("/api/v1/cases/" + c.id()).header("Authorization", "Bearer " + ingestOnly)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
    }
}
