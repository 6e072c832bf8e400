package nl.buitenin.listening.internal.answers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.servlet.http.Cookie;
import nl.buitenin.contact.internal.PolicyFile;
import nl.buitenin.contact.internal.StoredContactPolicy;
import nl.buitenin.journey.InteractionKind;
import nl.buitenin.journey.InteractionsRecorded.Interaction;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.listening.internal.SurveyDefinition;
import nl.buitenin.privacy.Consents;
import nl.buitenin.privacy.ContactDetails;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.Persons;
import nl.buitenin.privacy.PurposeId;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.listening.internal.answers.Invitations.Outcome;

/**
 * After a contact, a person who consented gets an e-mail (through a real SMTP server) with a personal
 * link, answers through it, and is not asked again within the recontact window; a person without
 * consent is not asked at all.
 */
@DatabaseTest
@AutoConfigureMockMvc
class InvitationTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
        registry.add("buitenin.mail.poll", () -> "PT1H");
    }

    @Autowired
    Invitations invitations;
    @Autowired
    Persons persons;
    @Autowired
    Consents consents;
    @Autowired
    JdbcSurveys surveys;
    @Autowired
    StoredContactPolicy policy;
    @Autowired
    nl.buitenin.messaging.internal.MailSenderJob mail;
    @Autowired
    MockMvc mvc;

    TouchpointId touchpoint;

    @BeforeEach
    void surveyOnATouchpointAndAnAlwaysAskingPolicy() {
        touchpoint = new TouchpointId(UUID.randomUUID());
        SurveyDefinition trip = AnswerSheetTest.TRIP;
        Survey survey = Survey.draft(new SurveyDefinition(trip.title(), null, trip.questions(), trip.closing(), List.of(touchpoint),
                List.of()), Instant.now());
        survey.publish(Instant.now());
        surveys.add(survey);
        policy.change(new PolicyFile(1.0, null, null, 30, null, null, "00:00", "00:00", List.of(), 0, "EMAIL"));
    }

    @Test
    void invitesByMailAndTheLinkOpensTheSurvey() throws Exception {
        PersonKey anna = persons.register("klant-" + UUID.randomUUID(), new ContactDetails("Anna de Boer", "anna@voorbeeld.nl", null));
        consents.give(anna, PurposeId.FEEDBACK, "test");

        assertThat(invitations.invite(anna, touchpoint, "interaction:" + UUID.randomUUID(), Instant.now())).isEqualTo(Outcome.INVITED);
        mail.sendDue();

        var received = smtp.getReceivedMessagesForDomain("voorbeeld.nl");
        assertThat(received).hasSize(1);
        String body = GreenMailUtil.getBody(received[0]);
        assertThat(body).contains("Beste Anna de Boer");
        Matcher link = Pattern.compile("https?://[^/\\s]+(/a/[A-Za-z0-9_\\-.=]+)").matcher(body.replace("=\r\n", ""));
        assertThat(link.find()).as("a personal link in %s", body).isTrue();
        mvc.perform(get(link.group(1)).cookie(new Cookie("buitenin-lang", "nl"))).andExpect(status().isOk());
        mvc.perform(post(link.group(1)).cookie(new Cookie("buitenin-lang", "nl")).with(csrf())
                .param("action", "send").param("q.nps", "9")).andExpect(status().isOk());

        // Within the recontact window the same person is not asked again after another contact.
        assertThat(invitations.invite(anna, touchpoint, "interaction:" + UUID.randomUUID(), Instant.now())).isEqualTo(Outcome.NOT_ALLOWED);
    }

    @Test
    void withoutConsentNobodyIsAskedAndARetryIsNoDuplicate() {
        PersonKey bert = persons.register("klant-" + UUID.randomUUID(), new ContactDetails("Bert", "bert@voorbeeld.nl", null));
        assertThat(invitations.invite(bert, touchpoint, "interaction:b1", Instant.now())).isEqualTo(Outcome.NOT_ALLOWED);

        PersonKey carla = persons.register("klant-" + UUID.randomUUID(), new ContactDetails("Carla", "carla@voorbeeld.nl", null));
        consents.give(carla, PurposeId.FEEDBACK, "test");
        String source = "interaction:" + UUID.randomUUID();
        assertThat(invitations.invite(carla, touchpoint, source, Instant.now())).isEqualTo(Outcome.INVITED);
        assertThat(invitations.invite(carla, touchpoint, source, Instant.now())).isEqualTo(Outcome.ALREADY_INVITED);
        assertThat(invitations.invite(carla, touchpoint, "interaction:old", Instant.now().minusSeconds(30 * 24 * 3600)))
                .isEqualTo(Outcome.TOO_OLD);
    }

    @Test
    void aBatchIsNarrowedToWhatTheSingleDecisionWouldNotTurnAwayAtOnce() {
        TouchpointId draftOnly = new TouchpointId(UUID.randomUUID());
        SurveyDefinition trip = AnswerSheetTest.TRIP;
        surveys.add(Survey.draft(new SurveyDefinition(trip.title(), null, trip.questions(), trip.closing(), List.of(draftOnly), List.of()),
                Instant.now()));
        TouchpointId withoutSurvey = new TouchpointId(UUID.randomUUID());
        PersonKey dirk = persons.register("klant-" + UUID.randomUUID(), new ContactDetails("Dirk", "dirk@voorbeeld.nl", null));
        Instant now = Instant.now();
        Instant old = now.minus(Invitations.ASK_WITHIN).minusSeconds(60);
        Interaction asked = interaction(touchpoint, dirk, now.minusSeconds(60));
        Interaction justInTime = interaction(touchpoint, dirk, now.minus(Invitations.ASK_WITHIN).plusSeconds(3600));
        List<Interaction> batch = List.of(interaction(touchpoint, null, now), asked, interaction(touchpoint, dirk, old),
                interaction(withoutSurvey, dirk, now), interaction(draftOnly, dirk, now), justInTime);

        assertThat(invitations.worthAsking(batch, now)).containsExactly(asked, justInTime);
        // Each one left out is one the single decision turns away before reading anything about the person.
        assertThat(invitations.invite(dirk, touchpoint, "interaction:" + UUID.randomUUID(), old)).isEqualTo(Outcome.TOO_OLD);
        assertThat(invitations.invite(dirk, withoutSurvey, "interaction:" + UUID.randomUUID(), now)).isEqualTo(Outcome.NO_SURVEY);
        assertThat(invitations.invite(dirk, draftOnly, "interaction:" + UUID.randomUUID(), now)).isEqualTo(Outcome.NO_SURVEY);
        assertThat(invitations.worthAsking(List.of(interaction(withoutSurvey, dirk, now)), now)).isEmpty();
    }

    private static Interaction interaction(TouchpointId at, PersonKey person, Instant when) {
        return new Interaction(at, person, when, "batch-" + UUID.randomUUID(), InteractionKind.CONTACT);
    }
}
