package nl.buitenin.loop.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

import nl.buitenin.testing.Unique;
import nl.buitenin.access.Role;
import nl.buitenin.access.User;
import nl.buitenin.access.UserId;
import nl.buitenin.contact.internal.Policy;
import nl.buitenin.contact.internal.PolicyFile;
import nl.buitenin.contact.internal.StoredContactPolicy;
import nl.buitenin.journey.Channel;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.platform.ConflictException;
import nl.buitenin.platform.NotFoundException;
import nl.buitenin.privacy.Preferences;
import nl.buitenin.privacy.PreferredChannel;
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
import nl.buitenin.testing.EventsHandled;

/**
 * The loop closes: a detractor's answer opens one case; when an improvement action on a theme is done,
 * the people who raised that theme hear about it through their preferred channel (e-mail, a call-back
 * task, e-mail for SMS), except those who withdrew consent or want no contact, and not in quiet hours.
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
    @Autowired
    StoredContactPolicy contactPolicy;
    @Autowired
    ToldBackMessages toldBackMessages;
    @Autowired
    TellBackCalls tellBackCalls;
    @Autowired
    CaseWork work;
    @Autowired
    EventPublicationRegistry registry;

    /** The events of each test, waited for through the event publication registry. */
    EventsHandled handled;

    @BeforeEach
    void eventsFromHereOn() {
        handled = EventsHandled.since(registry);
    }

    /** No quiet hours or days, so that the tests do not depend on the hour or the weekday they run on. */
    @BeforeEach
    void policyWithoutQuietTime() {
        contactPolicy.change(PolicyFile.of(new Policy(0.2, Map.of(), 30, 30, 2, 4, LocalTime.of(9, 0), LocalTime.of(9, 0), Set.of(), 3,
                Channel.EMAIL, ZoneId.of("Europe/Amsterdam"))));
    }

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

        handled.await();
        assertThat(casesFrom("answer:" + response)).isEqualTo(1);
    }

    @Test
    void whenAnActionIsDoneThoseWhoRaisedItsThemeHearSoUnlessTheyWithdrewConsent() throws Exception {
        TouchpointId touchpoint = new TouchpointId(UUID.randomUUID());
        var theme = themes.add(Unique.name("Tempo van de groep"), "Pace of the group", null);
        PersonKey anna = raisedTheme("anna@voorbeeld.nl", "Anna", theme.id(), touchpoint);
        consents.give(anna, PurposeId.FEEDBACK, "test");
        PersonKey bert = raisedTheme("bert@voorbeeld.nl", "Bert", theme.id(), touchpoint);
        consents.give(bert, PurposeId.FEEDBACK, "test");
        consents.withdraw(bert, PurposeId.FEEDBACK, "own-page");

        var action = improving.plan("Groepen splitsen", "Split groups", "We splitsen groepen in een tempo- en een genietgroep.",
                "We split groups into a brisk and a leisurely group.", null, null, Set.of(theme.id()));
        improving.start(action.id());
        improving.complete(action.id());

        handled.await();
        assertThat(jdbc.sql("select count(*) from outbox_message where reference like :r")
                .param("r", "told-back:" + action.id() + ":%").query(Long.class).single()).isGreaterThanOrEqualTo(1);
        mail.sendDue();
        var received = smtp.getReceivedMessagesForDomain("voorbeeld.nl");
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("anna@voorbeeld.nl");
        assertThat(GreenMailUtil.getBody(received[0])).contains("tempo- en een genietgroep");

        // Delivered again, the event tells nobody twice.
        new ToldBackMessagesProbe(jdbc).assertOneRowPerPerson(action.id().toString());
    }

    @Test
    void eachPersonIsToldThroughTheirPreferredChannelAndNoneIsRecordedWithItsReason() throws Exception {
        String team = "team-" + UUID.randomUUID().toString().substring(0, 8);
        var theme = themes.add(Unique.name("Wachttijd"), "Waiting time", null);
        PersonKey eva = raisedTheme(new ContactDetails("Eva", "eva@per-kanaal.nl", "06 1234 5678"), PreferredChannel.EMAIL, team, theme.id());
        PersonKey piet = raisedTheme(new ContactDetails("Piet", "piet@per-kanaal.nl", "06 2345 6789"), PreferredChannel.PHONE, team, theme.id());
        PersonKey sanne = raisedTheme(new ContactDetails("Sanne", "sanne@per-kanaal.nl", "06 3456 7890"), PreferredChannel.SMS, team, theme.id());
        PersonKey tom = raisedTheme(new ContactDetails("Tom", null, "06 4567 8901"), PreferredChannel.SMS, team, theme.id());
        PersonKey nina = raisedTheme(new ContactDetails("Nina", "nina@per-kanaal.nl", "06 5678 9012"), PreferredChannel.NONE, team, theme.id());

        var action = improving.plan("Extra balie", "Extra desk", "We openen een extra balie op drukke dagen.",
                "We open an extra desk on busy days.", null, null, Set.of(theme.id()));
        improving.complete(action.id());
        handled.await();
        assertThat(outboxFor(action.id().toString())).isEqualTo(2);
        assertThat(tellBackCalls.openFor(agent(team))).hasSize(2);
        mail.sendDue();

        var received = smtp.getReceivedMessagesForDomain("per-kanaal.nl");
        assertThat(received).extracting(m -> m.getAllRecipients()[0].toString())
                .as("e-mail as preferred, and for SMS (there is no SMS gateway) when there is an address")
                .containsExactlyInAnyOrder("eva@per-kanaal.nl", "sanne@per-kanaal.nl");
        List<TellBackTasks.Task> tasks = tellBackCalls.openFor(agent(team));
        assertThat(tasks).extracting(TellBackTasks.Task::person).as("phone as preferred, and SMS without an address")
                .containsExactlyInAnyOrder(piet, tom);
        assertThat(tasks).allSatisfy(t -> assertThat(t.text()).contains("extra balie op drukke dagen"));
        assertThat(decisionReasons(nina)).containsExactly("DO_NOT_CONTACT");
        assertThat(decisionReasons(eva)).containsExactly("");
        assertThat(attempts(eva, "EMAIL")).isEqualTo(1);

        // Completing the call: reached counts as told, once; another call on the done task is refused.
        TellBackTasks.Task pietsTask = tasks.stream().filter(t -> t.person().equals(piet)).findFirst().orElseThrow();
        tellBackCalls.logCall(agent(team), pietsTask.id(), CallbackOutcome.CALL_AGAIN, "voicemail");
        assertThat(tellBackCalls.openFor(agent(team))).extracting(TellBackTasks.Task::id).contains(pietsTask.id());
        tellBackCalls.logCall(agent(team), pietsTask.id(), CallbackOutcome.REACHED, null);
        assertThat(tellBackCalls.openFor(agent(team))).extracting(TellBackTasks.Task::id).doesNotContain(pietsTask.id());
        assertThatThrownBy(() -> tellBackCalls.logCall(agent(team), pietsTask.id(), CallbackOutcome.REACHED, null))
                .isInstanceOf(ConflictException.class);
        assertThat(jdbc.sql("select channel from loop_told_back where action_id = :a and person_key = :p")
                .param("a", action.id().value()).param("p", piet.value()).query(String.class).list()).containsExactly("PHONE");
        assertThat(attempts(piet, "PHONE")).isEqualTo(1);
        assertThatThrownBy(() -> tellBackCalls.visibleTo(agent("another-team"), pietsTask.id())).isInstanceOf(NotFoundException.class);

        // Delivered again, the action tells nobody twice: no second mail, no second task.
        assertThat(toldBackMessages.tellEveryone(action.id(), Instant.now())).isZero();
        assertThat(outboxFor(action.id().toString())).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from loop_tell_back_task where action_id = :a").param("a", action.id().value())
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void inQuietHoursTheMessageWaitsUntilTheyEnd() throws Exception {
        ZoneId zone = ZoneId.of("Europe/Amsterdam");
        LocalTime now = LocalTime.now(zone).truncatedTo(ChronoUnit.MINUTES);
        // Quiet from an hour ago until two hours from now (wrapping past midnight when need be).
        contactPolicy.change(PolicyFile.of(new Policy(0.2, Map.of(), 30, 30, 2, 4, now.minusHours(1), now.plusHours(2), Set.of(), 3,
                Channel.EMAIL, zone)));
        var theme = themes.add(Unique.name("Stilte"), "Quiet", null);
        PersonKey lotte = raisedTheme(new ContactDetails("Lotte", "lotte@stille-uren.nl", null), PreferredChannel.EMAIL,
                "team-stil", theme.id());
        var action = improving.plan("Rustiger programma", "Calmer programme", "Minder kilometers per dag.",
                "Fewer kilometres a day.", null, null, Set.of(theme.id()));
        improving.complete(action.id());

        handled.await();
        assertThat(jdbc.sql("select count(*) from loop_told_back_due where person_key = :p").param("p", lotte.value())
                .query(Long.class).single()).isEqualTo(1);
        Instant due = jdbc.sql("select due_at from loop_told_back_due where person_key = :p").param("p", lotte.value())
                .query(java.time.OffsetDateTime.class).single().toInstant();
        ZonedDateTime expected = due.atZone(zone);
        assertThat(expected.toLocalTime()).isEqualTo(now.plusHours(2));
        assertThat(due).isAfter(Instant.now()).isBefore(Instant.now().plus(3, ChronoUnit.HOURS));
        assertThat(decisionReasons(lotte)).containsExactly("QUIET_HOURS");
        assertThat(outboxFor(action.id().toString())).isZero();

        assertThat(toldBackMessages.sendDeferred(due.minusSeconds(60))).as("not before the quiet hours end").isZero();
        assertThat(outboxFor(action.id().toString())).isZero();
        assertThat(toldBackMessages.sendDeferred(due)).isEqualTo(1);
        assertThat(toldBackMessages.sendDeferred(due.plusSeconds(60))).as("taken off the list once sent").isZero();
        mail.sendDue();
        assertThat(smtp.getReceivedMessagesForDomain("stille-uren.nl")).singleElement()
                .satisfies(m -> assertThat(GreenMailUtil.getBody(m)).contains("Minder kilometers per dag"));
        assertThat(decisionReasons(lotte)).containsExactly("", "QUIET_HOURS");
    }

    private PersonKey raisedTheme(ContactDetails details, PreferredChannel channel, String team, nl.buitenin.loop.ThemeId theme) {
        PersonKey person = persons.register("klant-" + UUID.randomUUID(), details);
        consents.give(person, PurposeId.FEEDBACK, "test");
        persons.setPreferences(person, new Preferences(channel, "nl", false, false));
        CaseFile opened = work.open(new CaseWork.Opening(CaseSource.complaint(UUID.randomUUID().toString()), CaseType.COMPLAINT, person,
                null, Channel.PHONE, team, null, "Te lang gewacht"), "test", Instant.now()).file();
        themes.tag(opened.id(), theme, "test", nl.buitenin.loop.ThemeTagging.Tagger.USER, Instant.now());
        return person;
    }

    private User agent(String team) {
        return new User(new UserId(UUID.randomUUID()), "agent-" + team, "Agent", Set.of(Role.AGENT), team, "nl", true);
    }

    private long outboxFor(String action) {
        return jdbc.sql("select count(*) from outbox_message where reference like :r").param("r", "told-back:" + action + ":%")
                .query(Long.class).single();
    }

    /** The reasons of the person's told-back decisions, newest first. */
    private List<String> decisionReasons(PersonKey person) {
        return jdbc.sql("select reasons from contact_decision where person_key = :p and kind = 'TOLD_BACK' order by decided_at desc")
                .param("p", person.value()).query(String.class).list();
    }

    private long attempts(PersonKey person, String channel) {
        return jdbc.sql("select count(*) from contact_attempt where person_key = :p and kind = 'TOLD_BACK' and channel = :c "
                        + "and touchpoint_id is null")
                .param("p", person.value()).param("c", channel).query(Long.class).single();
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

    record ToldBackMessagesProbe(JdbcClient jdbc) {
        void assertOneRowPerPerson(String action) {
            List<Long> perPerson = jdbc.sql("select count(*) from loop_told_back where action_id = cast(:a as uuid) group by person_key")
                    .param("a", action).query(Long.class).list();
            assertThat(perPerson).containsOnly(1L);
        }
    }
}
