package nl.buitenin.loop.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

import nl.buitenin.journey.TouchpointId;
import nl.buitenin.listening.internal.CaseRule;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.listening.internal.SurveyDefinition;
import nl.buitenin.listening.internal.answers.AnswerRecording;
import nl.buitenin.listening.internal.answers.SurveyFixtures;
import nl.buitenin.listening.internal.answers.JdbcResponses;
import nl.buitenin.listening.internal.answers.ResponseChannel;
import nl.buitenin.listening.internal.answers.ResponseStatus;
import nl.buitenin.loop.CaseId;
import nl.buitenin.loop.CaseSource;
import nl.buitenin.loop.CaseType;
import nl.buitenin.loop.Cases;
import nl.buitenin.messaging.internal.MailSenderJob;
import nl.buitenin.privacy.Consents;
import nl.buitenin.privacy.ContactDetails;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.Persons;
import nl.buitenin.privacy.PurposeId;
import nl.buitenin.testing.DatabaseTest;

/**
 * The loop closes: a detractor's answer opens one case; when an improvement action on a theme is done,
 * the people who raised that theme hear about it by e-mail, except the one who withdrew consent.
 */
@DatabaseTest
class ClosingTheLoopTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
        registry.add("buitenin.mail.poll", () -> "PT1H");
    }

    @Autowired
    JdbcSurveys surveys;
    @Autowired
    JdbcResponses responses;
    @Autowired
    AnswerRecording recording;
    @Autowired
    Persons persons;
    @Autowired
    Consents consents;
    @Autowired
    Cases cases;
    @Autowired
    Themes themes;
    @Autowired
    Improving improving;
    @Autowired
    MailSenderJob mail;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aDetractorsAnswerOpensOneCase() throws Exception {
        PersonKey person = persons.register("klant-" + UUID.randomUUID(), new ContactDetails("Dirk", "dirk@voorbeeld.nl", null));
        Survey survey = Survey.draft(new SurveyDefinition(SurveyFixtures.tripEvaluation().title(), null, SurveyFixtures.tripEvaluation().questions(),
                SurveyFixtures.tripEvaluation().closing(), List.of(), List.of(new CaseRule(CaseRule.Trigger.DETRACTOR, "nps", null))), Instant.now());
        survey.publish(Instant.now());
        surveys.add(survey);
        UUID response = responses.create(survey.id(), new TouchpointId(UUID.randomUUID()), person, "test:" + UUID.randomUUID(),
                ResponseChannel.EMAIL, "nl", ResponseStatus.INVITED, Instant.now(), Instant.now().plus(14, ChronoUnit.DAYS)).orElseThrow();

        recording.complete(response, Map.of("nps", List.of("3"), "tempo", List.of("te-snel")));

        waitFor(() -> casesFrom("answer:" + response) == 1);
        Thread.sleep(300);
        assertThat(casesFrom("answer:" + response)).isEqualTo(1);
    }

    @Test
    void whenAnActionIsDoneThoseWhoRaisedItsThemeHearSoUnlessTheyWithdrewConsent() throws Exception {
        TouchpointId touchpoint = new TouchpointId(UUID.randomUUID());
        var theme = themes.add("Tempo van de groep " + UUID.randomUUID(), "Pace of the group", null);
        PersonKey anna = raisedTheme("anna@voorbeeld.nl", "Anna", theme.id(), touchpoint);
        consents.give(anna, PurposeId.FEEDBACK, "test");
        PersonKey bert = raisedTheme("bert@voorbeeld.nl", "Bert", theme.id(), touchpoint);
        consents.give(bert, PurposeId.FEEDBACK, "test");
        consents.withdraw(bert, PurposeId.FEEDBACK, "own-page");

        var action = improving.plan("Groepen splitsen", "Split groups", "We splitsen groepen in een tempo- en een genietgroep.",
                "We split groups into a brisk and a leisurely group.", null, null, Set.of(theme.id()));
        improving.start(action.id());
        improving.complete(action.id());

        waitFor(() -> jdbc.sql("select count(*) from outbox_message where reference like :r")
                .param("r", "told-back:" + action.id() + ":%").query(Long.class).single() >= 1);
        mail.sendDue();
        var received = smtp.getReceivedMessagesForDomain("voorbeeld.nl");
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("anna@voorbeeld.nl");
        assertThat(GreenMailUtil.getBody(received[0])).contains("tempo- en een genietgroep");

        // Delivered again, the event tells nobody twice.
        new ToldBackMessagesProbe(jdbc).assertOneRowPerPerson(action.id().toString());
    }

    private PersonKey raisedTheme(String email, String name, nl.buitenin.loop.ThemeId theme, TouchpointId touchpoint) {
        PersonKey person = persons.register("klant-" + UUID.randomUUID(), new ContactDetails(name, email, null));
        CaseId id = cases.openFor(CaseSource.manual(), CaseType.COMPLAINT, person, touchpoint, "Te snel gelopen");
        themes.tag(id, theme, "test", nl.buitenin.loop.ThemeTagging.Tagger.USER, Instant.now());
        return person;
    }

    private long casesFrom(String source) {
        return jdbc.sql("select count(*) from loop_case where source_ref = :s").param("s", source).query(Long.class).single();
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 200 && !condition.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }

    record ToldBackMessagesProbe(JdbcClient jdbc) {
        void assertOneRowPerPerson(String action) {
            List<Long> perPerson = jdbc.sql("select count(*) from loop_told_back where action_id = cast(:a as uuid) group by person_key")
                    .param("a", action).query(Long.class).list();
            assertThat(perPerson).containsOnly(1L);
        }
    }
}
