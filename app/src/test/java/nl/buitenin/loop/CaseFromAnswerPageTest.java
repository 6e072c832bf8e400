package nl.buitenin.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import nl.buitenin.access.Role;
import nl.buitenin.access.internal.JdbcUsers;
import nl.buitenin.access.internal.StoredUser;
import nl.buitenin.journey.Channel;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.internal.JdbcJourneys;
import nl.buitenin.journey.internal.Names;
import nl.buitenin.listening.QuestionType;
import nl.buitenin.listening.internal.CaseRule;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.LocalizedText;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.listening.internal.SurveyDefinition;
import nl.buitenin.listening.internal.SurveyQuestion;
import nl.buitenin.listening.internal.answers.Completions;
import nl.buitenin.listening.internal.answers.GivenAnswer;
import nl.buitenin.listening.internal.answers.ResponseChannel;
import nl.buitenin.loop.internal.CaseFiles;
import nl.buitenin.loop.internal.CaseTypes;
import nl.buitenin.loop.internal.Teams;
import nl.buitenin.privacy.ContactDetails;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.Persons;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.EventsHandled;
import nl.buitenin.testing.VisibleText;

/**
 * A case opened from a survey answer shows that answer to the agent: the survey and the touchpoint by name, each score
 * as the question's text with "2 van 5", and what the person wrote (read under complaint handling, and logged); the
 * queue names the case by that answer, not "csat 2"; the case type fits a CSAT question; a call-back is confirmed; a
 * resolved case is not among the open ones; the history says where the case came from and how the call went in words.
 */
@DatabaseTest
@AutoConfigureMockMvc
class CaseFromAnswerPageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcUsers users;
    @Autowired
    JdbcJourneys journeys;
    @Autowired
    JdbcSurveys surveys;
    @Autowired
    Completions completions;
    @Autowired
    Persons persons;
    @Autowired
    CaseFiles cases;
    @Autowired
    EventPublicationRegistry events;
    @Autowired
    JdbcClient jdbc;

    private static final String CALL_BACK_TEAM = "Terugbellers";

    @Autowired
    CaseTypes caseTypes;
    @Autowired
    Teams teams;

    private record Opened(String caseId, StoredUser agent, String touchpointName) {
    }

    private Opened caseFromALowCsat(String comment) throws InterruptedException {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        var journey = journeys.createJourney(new Names("Reizen " + suffix, "Trips " + suffix));
        var stage = journeys.addStage(journey, new Names("Boeken", "Booking"));
        String touchpointName = "Boekingsgesprek " + suffix;
        TouchpointId touchpoint = journeys.addTouchpoint(stage, new Names(touchpointName, "Booking call " + suffix), Channel.PHONE, null);
        SurveyDefinition definition = new SurveyDefinition(new LocalizedText("Na het boeken " + suffix, "After booking " + suffix), null,
                List.of(new SurveyQuestion("csat", QuestionType.CSAT, new LocalizedText("Hoe tevreden bent u over het boeken?",
                                "How satisfied are you with booking?"), List.of(), true),
                        new SurveyQuestion("beter", QuestionType.OPEN_TEXT, new LocalizedText("Wat kan beter?", "What could be better?"),
                                List.of(), false)),
                new LocalizedText("Dank u.", "Thank you."), List.of(touchpoint), List.of(new CaseRule(CaseRule.Trigger.LOW_CSAT, "csat", null)));
        Survey survey = Survey.draft(definition, Instant.now());
        survey.publish(Instant.now());
        surveys.add(survey);
        PersonKey person = persons.register("klant-" + suffix, new ContactDetails("Fenna Bos", "fenna@voorbeeld.nl", "0612345678"));
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.HOURS);

        // Low-score cases go to the call-back team, whose agent opens them.
        CaseTypes.Definition type = caseTypes.require(CaseType.DETRACTOR);
        if (type.defaultTeam() == null) {
            teams.save(new Teams.Team(CALL_BACK_TEAM, null));
            caseTypes.save(new CaseTypes.Definition(type.type(), type.nameNl(), type.nameEn(), type.slaWorkingDays(), CALL_BACK_TEAM));
        }

        EventsHandled handled = EventsHandled.since(events);
        var completed = completions.complete(List.of(Completions.Completion.received(survey, touchpoint, person, "test:" + suffix,
                ResponseChannel.EMAIL, "nl", List.of(GivenAnswer.score("csat", 2), GivenAnswer.text("beter", comment)), at)))
                .get(0).orElseThrow();
        handled.await();

        CaseId id = new CaseId(jdbc.sql("select id from loop_case where source_ref = :s").param("s", "answer:" + completed.response())
                .query(UUID.class).single());
        StoredUser agent = LoopFixture.user(users, "agent", Set.of(Role.AGENT), cases.byId(id).orElseThrow().team(), "nl");
        return new Opened(id.toString(), agent, touchpointName);
    }

    @Test
    void theCaseShowsTheAnswerInWordsAndWhatThePersonWrote() throws Exception {
        Opened opened = caseFromALowCsat("De website liep steeds vast bij het betalen.");

        String page = page("/cases/" + opened.caseId(), opened.agent());
        String text = VisibleText.of(page);

        assertThat(text).contains("Hoe tevreden bent u over het boeken? 2 van 5")
                .contains("De website liep steeds vast bij het betalen.")
                .contains(opened.touchpointName())
                .contains("Na het boeken")
                .contains("Terugbellen na een lage score")
                .doesNotContain("csat 2")
                .doesNotContain("criticaster")
                .contains("na een antwoord op een enquête");
        // The theme picker lists every theme, also those other test classes in this context name after a random id.
        assertThat(VisibleText.problems(page.replaceAll("(?s)<select id=\"theme\".*?</select>", ""))).isEmpty();
        // The comment was read for handling the case, and that read is in the person's access log.
        assertThat(jdbc.sql("select count(*) from privacy_access_log l join loop_case c on c.person_key = l.person_key "
                        + "where c.id = :id and l.purpose_id = 'complaint-handling' and l.refusal is null")
                .param("id", UUID.fromString(opened.caseId())).query(Long.class).single()).isGreaterThanOrEqualTo(1);

        String queue = VisibleText.of(page("/cases", opened.agent()));
        assertThat(queue).contains("Hoe tevreden bent u over het boeken?: 2 van 5").doesNotContain("csat 2");
    }

    @Test
    void aCallBackIsConfirmedInWordsAndAResolvedCaseLeavesTheOpenLists() throws Exception {
        Opened opened = caseFromALowCsat("Niemand nam op.");

        mvc.perform(post("/cases/" + opened.caseId() + "/callbacks").param("outcome", "REACHED").param("note", "Gesproken")
                        .with(user(opened.agent())).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("done", "loop.done.callback.reached"));
        MvcResult redirected = mvc.perform(post("/cases/" + opened.caseId() + "/notes").param("text", "Nog een notitie")
                .with(user(opened.agent())).with(csrf())).andReturn();
        String after = VisibleText.of(mvc.perform(get("/cases/" + opened.caseId()).with(user(opened.agent()))
                .with(nl.buitenin.testing.PageRequests.withFlash(redirected.getFlashMap()))).andReturn().getResponse().getContentAsString());
        assertThat(after).contains("Notitie toegevoegd.");
        String page = VisibleText.of(page("/cases/" + opened.caseId(), opened.agent()));
        // The history says how the call went in words, not "teruggebeld REACHED", and names the agent.
        assertThat(page).contains("teruggebeld").doesNotContain("REACHED").contains(opened.agent().username());
        assertThat(page).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");

        mvc.perform(post("/cases/" + opened.caseId() + "/resolve").param("outcome", "Excuses en tegoedbon")
                        .with(user(opened.agent())).with(csrf()))
                .andExpect(flash().attribute("done", "loop.done.resolved"));
        String queue = page("/cases", opened.agent());
        String openTables = queue.substring(0, queue.indexOf("id=\"resolved\""));
        assertThat(openTables).doesNotContain("/cases/" + opened.caseId() + "\"");
        assertThat(queue.substring(queue.indexOf("id=\"resolved\""))).contains("/cases/" + opened.caseId());
    }

    private String page(String path, StoredUser who) throws Exception {
        return mvc.perform(get(path).with(user(who))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
