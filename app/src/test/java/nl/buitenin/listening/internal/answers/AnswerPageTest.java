package nl.buitenin.listening.internal.answers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import jakarta.servlet.http.Cookie;
import nl.buitenin.insight.Grouping;
import nl.buitenin.insight.ScoreHistograms;
import nl.buitenin.insight.ScoreQuery;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.listening.CompletedResponse;
import nl.buitenin.listening.ResponsesCompleted;
import nl.buitenin.listening.internal.CaseRule;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.listening.internal.SurveyDefinition;
import nl.buitenin.organisation.Organisation;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.organisation.Register;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.testing.DatabaseTest;

/** A person answers from their link: saves halfway, comes back, sends; the link then stops working. */
@DatabaseTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class AnswerPageTest {

    static final Cookie DUTCH = new Cookie("buitenin-lang", "nl");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcSurveys surveys;
    @Autowired
    JdbcResponses responses;
    @Autowired
    AnswerLinks links;
    @Autowired
    ScoreHistograms histograms;
    @Autowired
    ApplicationEvents events;
    @Autowired
    Organisations organisations;
    @Autowired
    AnswerMails mails;

    @Test
    void savesHalfwayThenSendsAndCountsTheScoreOnce() throws Exception {
        TouchpointId touchpoint = new TouchpointId(UUID.randomUUID());
        String token = invitation(touchpoint, "p_cccccccccccccccccccccccccc");

        mvc.perform(get("/a/" + token).cookie(DUTCH)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Hoe waarschijnlijk is het dat u ons aanbeveelt?")));

        mvc.perform(post("/a/" + token).cookie(DUTCH).with(csrf()).param("action", "save").param("q.tempo", "te-snel"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("tussentijds opgeslagen")));
        UUID response = AnswerLinks.responseOf(links.check(token));
        assertThat(responses.byId(response).orElseThrow().status()).isEqualTo(ResponseStatus.STARTED);

        // Sending without the required score names the question and sends nothing.
        mvc.perform(post("/a/" + token).cookie(DUTCH).with(csrf()).param("action", "send").param("q.tempo", "te-snel"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "<a href=\"#question-nps\">Hoe waarschijnlijk is het dat u ons aanbeveelt?</a>: <span>geef een antwoord</span>")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("nps:"))))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"question-nps\"")));
        // In English the same error names the English question; a score off the scale says which scores to choose from.
        mvc.perform(post("/a/" + token).cookie(new Cookie("buitenin-lang", "en")).with(csrf()).param("action", "send").param("q.nps", "11"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(">How likely are you to recommend us?</a>: <span>choose a score from 0 to 10</span>")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("nps:"))));
        assertThat(links.check(token).valid()).isTrue();

        mvc.perform(post("/a/" + token).cookie(DUTCH).with(csrf()).param("action", "send").param("q.nps", "4")
                        .param("q.tempo", "te-snel").param("q.beter", "Een rustiger groep graag"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("We lezen elke opmerking")));

        assertThat(responses.byId(response).orElseThrow().isCompleted()).isTrue();
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam"));
        var slices = histograms.summarise(new ScoreQuery(Set.of(touchpoint), today.minusDays(1), today.plusDays(1), "nps",
                Grouping.TOTAL, true));
        assertThat(slices).hasSize(1);
        assertThat(slices.get(0).histogram().n()).isEqualTo(1);
        assertThat(slices.get(0).histogram().count(4)).isEqualTo(1);

        List<CompletedResponse> completed = events.stream(ResponsesCompleted.class).flatMap(e -> e.responses().stream()).toList();
        assertThat(completed).hasSize(1);
        assertThat(completed.get(0).caseRulesMatched()).containsExactly("DETRACTOR:nps");
        assertThat(completed.get(0).summary()).isEqualTo("nps 4 · tempo: te-snel").doesNotContain("rustiger");

        // The link is spent: a second send is refused and counts nothing.
        mvc.perform(post("/a/" + token).cookie(DUTCH).with(csrf()).param("action", "send").param("q.nps", "10"))
                .andExpect(status().isGone());
        mvc.perform(get("/a/" + token).cookie(DUTCH)).andExpect(status().isGone())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("al verstuurd")));
        assertThat(histograms.summarise(new ScoreQuery(Set.of(touchpoint), today.minusDays(1), today.plusDays(1), "nps",
                Grouping.TOTAL, true)).get(0).histogram().n()).isEqualTo(1);
    }

    @Test
    void theRespondentsTextsFollowTheOrganisationsRegister() throws Exception {
        Organisation before = organisations.current();
        try {
            organisations.update(new Organisation(before.name(), before.personWord(), before.defaultLanguage(), before.timeZone(),
                    Register.INFORMAL));
            String token = invitation(new TouchpointId(UUID.randomUUID()), "p_eeeeeeeeeeeeeeeeeeeeeeeeee");
            String page = mvc.perform(get("/a/" + token).cookie(DUTCH)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(page).contains("je mag vragen overslaan").contains("Schrijf in je antwoord").doesNotContain("u mag vragen overslaan")
                    .doesNotContain("Schrijf in uw antwoord");
            String saved = mvc.perform(post("/a/" + token).cookie(DUTCH).with(csrf()).param("action", "save").param("q.nps", "8"))
                    .andReturn().getResponse().getContentAsString();
            assertThat(saved).contains("Je antwoorden zijn tussentijds opgeslagen").doesNotContain("Uw antwoorden");
            String thanks = mvc.perform(post("/a/" + token).cookie(DUTCH).with(csrf()).param("action", "send").param("q.nps", "8"))
                    .andReturn().getResponse().getContentAsString();
            assertThat(thanks).contains("Bedankt voor je antwoorden").contains("nemen we contact met je op").doesNotContain("uw antwoorden");
            assertThat(mvc.perform(get("/a/" + token).cookie(DUTCH)).andReturn().getResponse().getContentAsString())
                    .contains("Je hebt deze vragenlijst al verstuurd").contains("Je hoeft niets te doen").doesNotContain("U heeft");

            var mail = mails.compose(AnswerMails.Kind.INVITATION, UUID.randomUUID(), new PersonKey("p_ffffffffffffffffffffffffff"),
                    new nl.buitenin.privacy.ContactDetails("Sanne", "sanne@example.org", null), null, "nl", "https://example.org/a/x");
            assertThat(mail.subject()).startsWith("Hoe was je contact met");
            assertThat(mail.text()).startsWith("Hoi Sanne,").contains("Wil je ons vertellen").doesNotContain("Wilt u").doesNotContain(" uw ");
            var reminder = mails.compose(AnswerMails.Kind.REMINDER, UUID.randomUUID(), new PersonKey("p_ffffffffffffffffffffffffff"),
                    new nl.buitenin.privacy.ContactDetails(null, "sanne@example.org", null), null, "nl", "https://example.org/a/x");
            assertThat(reminder.text()).startsWith("Hoi,").contains("Je vroeg ons je te herinneren").doesNotContain("U vroeg");
        } finally {
            organisations.update(before);
        }
        // Formal again: the same texts say "u".
        String token = invitation(new TouchpointId(UUID.randomUUID()), "p_gggggggggggggggggggggggggg");
        assertThat(mvc.perform(get("/a/" + token).cookie(DUTCH)).andReturn().getResponse().getContentAsString()).contains("u mag vragen overslaan");
        assertThat(mails.compose(AnswerMails.Kind.INVITATION, UUID.randomUUID(), new PersonKey("p_ffffffffffffffffffffffffff"),
                new nl.buitenin.privacy.ContactDetails("Sanne", "sanne@example.org", null), null, "nl", "https://example.org/a/x").text())
                .startsWith("Beste Sanne,").contains("Wilt u ons vertellen");
    }

    @Test
    void aChangedOrExpiredLinkGetsAFriendlyPage() throws Exception {
        String token = invitation(new TouchpointId(UUID.randomUUID()), "p_dddddddddddddddddddddddddd");
        String changed = token.substring(0, 10) + (token.charAt(10) == 'x' ? 'y' : 'x') + token.substring(11);
        mvc.perform(get("/a/" + changed).cookie(DUTCH)).andExpect(status().isNotFound())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("niet geldig")));

        UUID response = responses.create(surveyId(), null, null, "test:" + UUID.randomUUID(), ResponseChannel.EMAIL, "en",
                ResponseStatus.INVITED, Instant.now().minus(20, ChronoUnit.DAYS), Instant.now().minus(1, ChronoUnit.DAYS)).orElseThrow();
        String expired = links.tokenFor(response, Instant.now().minus(1, ChronoUnit.DAYS));
        mvc.perform(get("/a/" + expired).cookie(new Cookie("buitenin-lang", "en"))).andExpect(status().isGone())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("expired")));
    }

    @Test
    void opensInTheInvitationsLanguage() throws Exception {
        UUID response = responses.create(surveyId(), null, null, "test:" + UUID.randomUUID(), ResponseChannel.EMAIL, "en",
                ResponseStatus.INVITED, Instant.now(), Instant.now().plus(14, ChronoUnit.DAYS)).orElseThrow();
        String token = links.tokenFor(response, Instant.now().plus(14, ChronoUnit.DAYS));
        mvc.perform(get("/a/" + token)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/a/" + token).cookie(new Cookie("buitenin-lang", "en"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("How likely are you to recommend us?")));
    }

    private String invitation(TouchpointId touchpoint, String person) {
        UUID response = responses.create(surveyId(), touchpoint, new PersonKey(person), "test:" + UUID.randomUUID(),
                ResponseChannel.EMAIL, "nl", ResponseStatus.INVITED, Instant.now(), Instant.now().plus(14, ChronoUnit.DAYS)).orElseThrow();
        return links.tokenFor(response, Instant.now().plus(14, ChronoUnit.DAYS));
    }

    private nl.buitenin.listening.SurveyId surveyId() {
        SurveyDefinition definition = new SurveyDefinition(AnswerSheetTest.TRIP.title(), null, AnswerSheetTest.TRIP.questions(),
                AnswerSheetTest.TRIP.closing(), List.of(), List.of(new CaseRule(CaseRule.Trigger.DETRACTOR, "nps", null)));
        Survey survey = Survey.draft(definition, Instant.now());
        survey.publish(Instant.now());
        surveys.add(survey);
        return survey.id();
    }
}
