package nl.buitenin.listening.internal.answers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import nl.buitenin.contact.internal.PolicyFile;
import nl.buitenin.contact.internal.StoredContactPolicy;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.listening.internal.SurveyDefinition;
import nl.buitenin.listening.internal.answers.Invitations.Outcome;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.privacy.Consents;
import nl.buitenin.privacy.ContactDetails;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.Persons;
import nl.buitenin.privacy.PreferredChannel;
import nl.buitenin.privacy.Preferences;
import nl.buitenin.privacy.PurposeId;
import nl.buitenin.privacy.internal.Erasure;
import nl.buitenin.testing.DatabaseTest;

/**
 * Reminders of unanswered invitations, through a real SMTP server: only for people who asked for
 * them, once, after the delay, never after an answer, never beyond a cap, and once even when two
 * nodes run the job at the same moment. Time is moved by running the job at a later instant.
 */
@DatabaseTest
class ReminderTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mailServerAndNoBackgroundJobs(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
        registry.add("buitenin.mail.poll", () -> "PT1H");
        registry.add("buitenin.listening.reminders-enabled", () -> "false");
    }

    static final Duration DELAY = Duration.ofDays(3);

    @Autowired
    Invitations invitations;
    @Autowired
    Reminders reminders;
    @Autowired
    JdbcResponses responses;
    @Autowired
    AnswerRecording recording;
    @Autowired
    Persons persons;
    @Autowired
    Consents consents;
    @Autowired
    Erasure erasure;
    @Autowired
    JdbcSurveys surveys;
    @Autowired
    StoredContactPolicy policy;
    @Autowired
    nl.buitenin.messaging.internal.MailSenderJob mail;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Organisations organisations;

    TouchpointId touchpoint;

    @BeforeEach
    void surveyOnATouchpointAndAPolicyWithoutQuietHours() {
        touchpoint = new TouchpointId(UUID.randomUUID());
        SurveyDefinition trip = AnswerSheetTest.TRIP;
        Survey survey = Survey.draft(new SurveyDefinition(trip.title(), null, trip.questions(), trip.closing(), List.of(touchpoint),
                List.of()), Instant.now());
        survey.publish(Instant.now());
        surveys.add(survey);
        policy.change(new PolicyFile(1.0, null, null, 30, 5, 10, "00:00", "00:00", List.of(), 0, "EMAIL"));
    }

    @Test
    void whoAskedForRemindersGetsExactlyOneAfterTheDelayWithALinkToTheSameResponse() throws Exception {
        Invited dirk = invite("dirk", true, "en");
        Instant invitedAt = responses.byId(dirk.response()).orElseThrow().invitedAt();

        reminders.remindDue(invitedAt.plus(DELAY).minusSeconds(60));
        assertThat(responses.reminderStatus(dirk.response())).as("not before the delay").isNull();

        reminders.remindDue(invitedAt.plus(DELAY).plusSeconds(60));
        reminders.remindDue(invitedAt.plus(DELAY).plus(Duration.ofDays(1)));
        mail.sendDue();

        List<MimeMessage> reminderMails = mailsTo(dirk.address()).stream().filter(m -> subject(m).startsWith("Reminder")).toList();
        assertThat(reminderMails).hasSize(1);
        assertThat(GreenMailUtil.getBody(reminderMails.get(0)).replace("=\r\n", "")).contains("/a/").contains("Dear Dirk");
        assertThat(responses.reminderStatus(dirk.response())).isEqualTo("SENT");
        assertThat(attempts(dirk.person(), "REMINDER")).as("the reminder counts against the caps").isEqualTo(1);
        assertThat(decisions(dirk.person(), "REMINDER")).containsExactly("allowed:");
    }

    @Test
    void whoDidNotAskGetsNoneAndTheRefusalIsStoredWithItsReason() throws Exception {
        Invited els = invite("els", false, "nl");

        reminders.remindDue(Instant.now().plus(DELAY).plusSeconds(60));
        mail.sendDue();

        assertThat(mailsTo(els.address())).extracting(ReminderTest::subject).noneMatch(s -> s.startsWith("Herinnering"));
        assertThat(responses.reminderStatus(els.response())).isEqualTo("REFUSED");
        assertThat(decisions(els.person(), "REMINDER")).containsExactly("refused:REMINDER_NOT_WANTED");
        assertThat(attempts(els.person(), "REMINDER")).isZero();
    }

    @Test
    void whoAlreadyAnsweredGetsNone() throws Exception {
        Invited fatima = invite("fatima", true, "nl");
        recording.complete(fatima.response(), Map.of("nps", List.of("8")));

        reminders.remindDue(Instant.now().plus(DELAY).plusSeconds(60));
        mail.sendDue();

        assertThat(mailsTo(fatima.address())).extracting(ReminderTest::subject).noneMatch(s -> s.startsWith("Herinnering"));
        assertThat(decisions(fatima.person(), "REMINDER")).isEmpty();
        assertThat(attempts(fatima.person(), "REMINDER")).isZero();
    }

    @Test
    void aReminderBeyondTheCapIsRefusedWithThatReason() {
        // One contact per quarter: the invitation itself uses it up.
        policy.change(new PolicyFile(1.0, null, null, 30, 1, 10, "00:00", "00:00", List.of(), 0, "EMAIL"));
        Invited gert = invite("gert", true, "nl");

        reminders.remindDue(Instant.now().plus(DELAY).plusSeconds(60));

        assertThat(responses.reminderStatus(gert.response())).isEqualTo("REFUSED");
        assertThat(decisions(gert.person(), "REMINDER")).containsExactly("refused:QUARTER_CAP");
        assertThat(attempts(gert.person(), "REMINDER")).isZero();
    }

    @Test
    void quietHoursPostponeTheReminderInsteadOfCancellingIt() {
        Invited hanna = invite("hanna", true, "nl");
        policy.change(new PolicyFile(1.0, null, null, 30, 5, 10, "00:00", "23:59", List.of(), 0, "EMAIL"));
        // Noon, so that "quiet from 00:00 to 23:59" surely applies.
        Instant due = LocalDate.now().plusDays(4).atTime(12, 0).atZone(organisations.current().timeZone()).toInstant();

        assertThat(reminders.remind(hanna.response(), due)).isEqualTo(Reminders.Outcome.LATER);
        assertThat(responses.reminderStatus(hanna.response())).isNull();
        assertThat(reminders.remind(hanna.response(), due.plusSeconds(60))).as("not asked again within the hour")
                .isEqualTo(Reminders.Outcome.TAKEN);

        policy.change(new PolicyFile(1.0, null, null, 30, 5, 10, "00:00", "00:00", List.of(), 0, "EMAIL"));
        assertThat(reminders.remind(hanna.response(), due.plus(Reminders.RETRY_AFTER).plusSeconds(120)))
                .isEqualTo(Reminders.Outcome.REMINDED);
    }

    @Test
    void aForgottenPersonGetsNoReminder() throws Exception {
        Invited ivo = invite("ivo", true, "nl");
        erasure.erase(ivo.person(), "test");

        reminders.remindDue(Instant.now().plus(DELAY).plusSeconds(60));
        mail.sendDue();

        assertThat(mailsTo(ivo.address())).extracting(ReminderTest::subject).noneMatch(s -> s.startsWith("Herinnering"));
        assertThat(attempts(ivo.person(), "REMINDER")).isZero();
    }

    @Test
    void twoNodesRunningAtOnceSendOneReminder() throws Exception {
        Invited jan = invite("jan", true, "nl");
        Instant due = Instant.now().plus(DELAY).plusSeconds(60);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<Reminders.Outcome>> outcomes = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                outcomes.add(nodes.submit(() -> {
                    start.await();
                    return reminders.remind(jan.response(), due);
                }));
            }
            start.countDown();
            List<Reminders.Outcome> both = new ArrayList<>();
            for (Future<Reminders.Outcome> outcome : outcomes) {
                try {
                    both.add(outcome.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    // A node that waited too long for the other's row lock gives up; that is also "not twice".
                    both.add(Reminders.Outcome.TAKEN);
                }
            }
            assertThat(both).containsExactlyInAnyOrder(Reminders.Outcome.REMINDED, Reminders.Outcome.TAKEN);
        } finally {
            nodes.shutdown();
        }
        mail.sendDue();

        assertThat(mailsTo(jan.address())).extracting(ReminderTest::subject).filteredOn(s -> s.startsWith("Herinnering")).hasSize(1);
        assertThat(attempts(jan.person(), "REMINDER")).isEqualTo(1);
        assertThat(decisions(jan.person(), "REMINDER")).hasSize(1);
    }

    record Invited(PersonKey person, String address, UUID response) {
    }

    private Invited invite(String name, boolean remindersWanted, String language) {
        String address = name + "-" + UUID.randomUUID() + "@herinnering.nl";
        String capitalised = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        PersonKey person = persons.register("klant-" + UUID.randomUUID(), new ContactDetails(capitalised, address, null));
        consents.give(person, PurposeId.FEEDBACK, "test");
        persons.setPreferences(person, new Preferences(PreferredChannel.EMAIL, language, remindersWanted, false));
        String source = "interaction:" + UUID.randomUUID();
        assertThat(invitations.invite(person, touchpoint, source, Instant.now())).isEqualTo(Outcome.INVITED);
        return new Invited(person, address, responses.bySource(source).orElseThrow());
    }

    private static List<MimeMessage> mailsTo(String address) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address))) {
                found.add(message);
            }
        }
        return found;
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private long attempts(PersonKey person, String kind) {
        return jdbc.sql("select count(*) from contact_attempt where person_key = :person and kind = :kind")
                .param("person", person.value()).param("kind", kind).query(Long.class).single();
    }

    private List<String> decisions(PersonKey person, String kind) {
        return jdbc.sql("select allowed, reasons from contact_decision where person_key = :person and kind = :kind")
                .param("person", person.value()).param("kind", kind)
                .query((rs, n) -> (rs.getBoolean(1) ? "allowed:" : "refused:") + rs.getString(2)).list();
    }
}
