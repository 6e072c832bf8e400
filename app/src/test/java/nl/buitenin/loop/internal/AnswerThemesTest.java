package nl.buitenin.loop.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
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

import nl.buitenin.contact.internal.Policy;
import nl.buitenin.contact.internal.PolicyFile;
import nl.buitenin.contact.internal.StoredContactPolicy;
import nl.buitenin.journey.Channel;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.listening.internal.answers.AnswerRecording;
import nl.buitenin.listening.internal.answers.JdbcResponses;
import nl.buitenin.listening.internal.answers.ResponseChannel;
import nl.buitenin.listening.internal.answers.ResponseStatus;
import nl.buitenin.listening.internal.answers.SurveyFixtures;
import nl.buitenin.loop.ActionId;
import nl.buitenin.loop.CaseId;
import nl.buitenin.loop.CaseSource;
import nl.buitenin.loop.CaseType;
import nl.buitenin.loop.Cases;
import nl.buitenin.loop.TagSubject;
import nl.buitenin.loop.ThemeId;
import nl.buitenin.loop.ThemeTagging;
import nl.buitenin.loop.ThemeTagging.Tagger;
import nl.buitenin.messaging.internal.MailSenderJob;
import nl.buitenin.platform.NotFoundException;
import nl.buitenin.privacy.Consents;
import nl.buitenin.privacy.ContactDetails;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.Persons;
import nl.buitenin.privacy.Preferences;
import nl.buitenin.privacy.PreferredChannel;
import nl.buitenin.privacy.PurposeId;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.EventsHandled;

/**
 * Themes on answers close the loop for people who never had a case: when an action on a theme is done,
 * everyone whose answer carries the theme hears it once (also when they raised it in a case as well),
 * unless they withdrew consent; an anonymous answer is counted but nobody is told; a person who cannot be
 * reached is recorded with the reason. Real mail through GreenMail.
 */
@DatabaseTest
class AnswerThemesTest {

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
    EventPublicationRegistry registry;
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
    ThemeTagging tagging;
    @Autowired
    AnswerThemes answerThemes;
    @Autowired
    Improving improving;
    @Autowired
    ToldBackLog toldBack;
    @Autowired
    ToldBackMessages toldBackMessages;
    @Autowired
    YouSaidWeDid youSaidWeDid;
    @Autowired
    LoopFigures figures;
    @Autowired
    MailSenderJob mail;
    @Autowired
    StoredContactPolicy contactPolicy;
    @Autowired
    JdbcClient jdbc;

    Survey survey;

    @BeforeEach
    void setUp() {
        // No quiet hours or days, so that the test does not depend on the hour or weekday it runs on.
        contactPolicy.change(PolicyFile.of(new Policy(0.2, Map.of(), 30, 30, 2, 4, LocalTime.of(9, 0), LocalTime.of(9, 0), Set.of(), 3,
                Channel.EMAIL, ZoneId.of("Europe/Amsterdam"))));
        survey = Survey.draft(SurveyFixtures.tripEvaluation(), Instant.now());
        survey.publish(Instant.now());
        surveys.add(survey);
    }

    @Test
    void everyoneWhoseAnswerCarriesTheThemeIsToldOnceUnlessTheyWithdrewConsent() throws Exception {
        TouchpointId touchpoint = new TouchpointId(UUID.randomUUID());
        ThemeId theme = themes.add("Lunchpakket " + UUID.randomUUID(), "Packed lunch", null).id();

        // Ruud raised it in an answer and in a complaint: one message.
        PersonKey ruud = person("Ruud", "ruud@antwoorden.nl", null, PreferredChannel.EMAIL);
        UUID ruudsAnswer = answered(touchpoint, ruud, "Het lunchpakket was twee dagen hetzelfde.");
        CaseId ruudsCase = cases.openFor(CaseSource.manual(), CaseType.COMPLAINT, ruud, touchpoint, "Klacht over de lunch");
        themes.tag(ruudsCase, theme, "test", Tagger.USER, Instant.now());
        // Wil withdrew consent after answering: nothing.
        PersonKey wil = person("Wil", "wil@antwoorden.nl", null, PreferredChannel.EMAIL);
        UUID wilsAnswer = answered(touchpoint, wil, "Lunch was karig.");
        consents.withdraw(wil, PurposeId.FEEDBACK, "own-page");
        // Fenna wants a call but has no case, so no team to call her, and no e-mail address: unreachable, with the reason.
        PersonKey fenna = person("Fenna", null, "06 1111 2222", PreferredChannel.PHONE);
        UUID fennasAnswer = answered(touchpoint, fenna, "Graag meer keuze in de lunch.");
        UUID anonymous = answered(touchpoint, null, "Het brood was oud.");

        assertThat(tagging.tagAnswer(ruudsAnswer, theme, "analist", Tagger.USER)).isTrue();
        assertThat(tagging.tagAnswer(ruudsAnswer, theme, "analist", Tagger.USER)).as("tagging twice is a no-op").isFalse();
        answerThemes.tag(wilsAnswer, theme, "analist", Tagger.USER);
        // An automatic tag reaches Fenna because the suggester was surer than the threshold (0.8 by default).
        tagging.suggest(TagSubject.answer(fennasAnswer), theme, "tekstanalyse", 0.9);
        answerThemes.tag(anonymous, theme, "analist", Tagger.USER);
        assertThat(answerThemes.tagsOf(List.of(fennasAnswer)).get(fennasAnswer)).singleElement()
                .satisfies(t -> assertThat(t.kind()).isEqualTo(Tagger.SUGGESTER));

        var action = improving.plan("Wisselende lunch", "Varied lunch", "Elke dag een ander lunchpakket, met een vegetarische keuze.",
                "A different packed lunch every day, with a vegetarian choice.", null, null, Set.of(theme));
        assertThat(toldBack.recipientsOf(action.id())).as("each person once, the anonymous answer has nobody to tell")
                .containsExactlyInAnyOrder(ruud, wil, fenna);
        EventsHandled handled = EventsHandled.since(registry);
        improving.complete(action.id());

        handled.await();
        assertThat(decided(action.id())).isEqualTo(2);
        assertThat(decisions(wil)).isEqualTo(1);
        mail.sendDue();
        var received = smtp.getReceivedMessagesForDomain("antwoorden.nl");
        assertThat(received).extracting(m -> m.getAllRecipients()[0].toString()).containsExactly("ruud@antwoorden.nl");
        assertThat(GreenMailUtil.getBody(received[0])).contains("vegetarische keuze");
        assertThat(decisionReasons(wil)).containsExactly("NO_CONSENT");
        assertThat(jdbc.sql("select outcome || ':' || coalesce(reason, '') from loop_told_back where action_id = :a and person_key = :p")
                .param("a", action.id().value()).param("p", fenna.value()).query(String.class).list())
                .containsExactly("UNREACHABLE:NO_TEAM_TO_CALL");
        assertThat(toldBack.tally(action.id())).isEqualTo(new ToldBackLog.Tally(1, 0, 1));
        assertThat(toldBack.anonymousAnswers(action.id())).isEqualTo(1);

        // Delivered again, nobody is told twice.
        assertThat(toldBackMessages.tellEveryone(action.id(), Instant.now())).isZero();
        assertThat(outbox(action.id())).isEqualTo(1);

        // Raised by four: Ruud (case and answer, once), Wil, Fenna and the anonymous answer.
        assertThat(youSaidWeDid.raisedBy(action.id(), Instant.now())).isEqualTo(4);
        // Told back: of the three answers with a person (Wil refused, Fenna unreachable) only Ruud's.
        List<LoopFigures.CaseFacts> answerFacts = figures.facts(Instant.now().minus(1, ChronoUnit.HOURS), Instant.now().plusSeconds(60))
                .stream().filter(f -> f.type().equals(LoopFigures.ANSWER) && f.touchpoint() != null
                        && f.touchpoint().equals(touchpoint.value())).toList();
        assertThat(answerFacts).hasSize(4);
        LoopFigures.Row row = LoopFigures.row("answers", answerFacts, Instant.now());
        assertThat(row.toldBack().successes()).isEqualTo(1);
        assertThat(row.toldBack().n()).isEqualTo(3);
        assertThat(row.followedUpInTime()).as("answers have no deadline").isNull();
    }

    @Test
    void tagsAreRefusedForAnUnknownThemeOrAnUnfinishedResponseAndCanBeTakenOff() {
        ThemeId theme = themes.add("Parkeren " + UUID.randomUUID(), "Parking", null).id();
        UUID answer = answered(new TouchpointId(UUID.randomUUID()), null, "Geen parkeerplek.");
        UUID unfinished = responses.create(survey.id(), null, null, "test:" + UUID.randomUUID(), ResponseChannel.EMAIL, "nl",
                ResponseStatus.INVITED, Instant.now(), Instant.now().plus(14, ChronoUnit.DAYS)).orElseThrow();

        assertThatThrownBy(() -> answerThemes.tag(answer, new ThemeId(UUID.randomUUID()), "a", Tagger.USER))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> answerThemes.tag(unfinished, theme, "a", Tagger.USER)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> answerThemes.tag(UUID.randomUUID(), theme, "a", Tagger.USER)).isInstanceOf(NotFoundException.class);

        assertThat(answerThemes.tag(answer, theme, "a", Tagger.USER)).isTrue();
        assertThat(answerThemes.answersWith(theme)).isEqualTo(1);
        assertThat(answerThemes.untag(answer, theme)).isTrue();
        assertThat(answerThemes.untag(answer, theme)).as("untagging twice is a no-op").isFalse();
        assertThat(answerThemes.tagsOf(List.of(answer))).isEmpty();
    }

    private PersonKey person(String name, String email, String phone, PreferredChannel channel) {
        PersonKey person = persons.register("klant-" + UUID.randomUUID(), new ContactDetails(name, email, phone));
        consents.give(person, PurposeId.FEEDBACK, "test");
        persons.setPreferences(person, new Preferences(channel, "nl", false, false));
        return person;
    }

    private UUID answered(TouchpointId touchpoint, PersonKey person, String comment) {
        UUID id = responses.create(survey.id(), touchpoint, person, "test:" + UUID.randomUUID(), ResponseChannel.EMAIL, "nl",
                ResponseStatus.INVITED, Instant.now(), Instant.now().plus(14, ChronoUnit.DAYS)).orElseThrow();
        recording.complete(id, Map.of("nps", List.of("8"), "beter", List.of(comment)));
        return id;
    }

    /** Told-back rows of the action: told or unreachable. */
    private long decided(ActionId action) {
        return jdbc.sql("select count(*) from loop_told_back where action_id = :a").param("a", action.value()).query(Long.class).single();
    }

    private long decisions(PersonKey person) {
        return decisionReasons(person).size();
    }

    private List<String> decisionReasons(PersonKey person) {
        return jdbc.sql("select reasons from contact_decision where person_key = :p and kind = 'TOLD_BACK' order by decided_at desc")
                .param("p", person.value()).query(String.class).list();
    }

    private long outbox(ActionId action) {
        return jdbc.sql("select count(*) from outbox_message where reference like :r").param("r", "told-back:" + action + ":%")
                .query(Long.class).single();
    }

}
