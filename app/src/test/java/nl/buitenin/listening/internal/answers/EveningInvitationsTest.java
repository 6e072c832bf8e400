package nl.buitenin.listening.internal.answers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import nl.buitenin.contact.ContactKind;
import nl.buitenin.contact.Outreach;
import nl.buitenin.contact.internal.Policy;
import nl.buitenin.contact.internal.PolicyFile;
import nl.buitenin.contact.internal.StoredContactPolicy;
import nl.buitenin.journey.Channel;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.listening.internal.SurveyDefinition;
import nl.buitenin.privacy.Consents;
import nl.buitenin.privacy.ContactDetails;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.Persons;
import nl.buitenin.privacy.PurposeId;
import nl.buitenin.privacy.PersonErased;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.EventsHandled;
import nl.buitenin.testing.Unique;

/**
 * Invitations wait instead of vanishing: a contact at 21:30 on a Tuesday, in the quiet hours (20:00–09:00), is not
 * refused but postponed to Wednesday 09:00, and the invitation job sends it then, once, however often and on however
 * many nodes it runs; at 09:00 the policy is asked again, so a cap reached meanwhile still refuses it; past the policy's
 * maximum delay after the contact the invitation is refused as too long after it. The application's clock stands at
 * Tuesday 21:30.
 */
@DatabaseTest
class EveningInvitationsTest {

    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    /** A Tuesday evening of its own, after the other tests' days. */
    static final Instant EVENING = ZonedDateTime.of(2032, 3, 9, 21, 30, 0, 0, ZONE).toInstant();
    static final Instant NEXT_MORNING = ZonedDateTime.of(2032, 3, 10, 9, 0, 0, 0, ZONE).toInstant();

    @TestConfiguration
    static class HalfPastNineInTheEvening {
        @Bean
        @Primary
        Clock halfPastNineInTheEvening() {
            return Clock.fixed(EVENING, ZONE);
        }
    }

    @DynamicPropertySource
    static void noBackgroundJobs(DynamicPropertyRegistry registry) {
        registry.add("buitenin.listening.reminders-enabled", () -> "false");
        registry.add("buitenin.listening.postponed-invitations", () -> "false");
    }

    @Autowired
    Invitations invitations;
    @Autowired
    InvitationsDue due;
    @Autowired
    JdbcResponses responses;
    @Autowired
    JdbcSurveys surveys;
    @Autowired
    Persons persons;
    @Autowired
    Consents consents;
    @Autowired
    Outreach outreach;
    @Autowired
    StoredContactPolicy contactPolicy;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    InvitationsDuePersonalData personalData;
    @Autowired
    EventPublicationRegistry events;
    @Autowired
    ApplicationEventPublisher publisher;

    TouchpointId touchpoint;

    @BeforeEach
    void surveyAndPolicy() {
        policy(Policy.DEFAULT_MAX_INVITATION_DELAY);
        touchpoint = new TouchpointId(UUID.randomUUID());
        SurveyDefinition trip = AnswerSheetTest.TRIP;
        Survey survey = Survey.draft(new SurveyDefinition(trip.title(), null, trip.questions(), trip.closing(), List.of(touchpoint),
                List.of()), EVENING.minus(Duration.ofDays(30)));
        survey.publish(EVENING.minus(Duration.ofDays(30)));
        surveys.add(survey);
    }

    /** Everyone sampled, generous caps, quiet from 20:00 to 09:00 and on Sunday. */
    void policy(Duration maxDelay) {
        contactPolicy.change(PolicyFile.of(new Policy(1.0, Map.of(), 30, 30, 4, 8, LocalTime.of(20, 0), LocalTime.of(9, 0),
                Set.of(java.time.DayOfWeek.SUNDAY), 0, Channel.EMAIL, ZONE, maxDelay)));
    }

    PersonKey traveller() {
        String name = Unique.name("Avondreiziger");
        PersonKey person = persons.register("avond-" + UUID.randomUUID(),
                new ContactDetails(name, "avond-" + UUID.randomUUID() + "@voorbeeld.nl", null));
        consents.give(person, PurposeId.FEEDBACK, "test");
        return person;
    }

    int mails(PersonKey person) {
        return jdbc.sql("select count(*) from outbox_message where person_key = :p").param("p", person.value()).query(Integer.class).single();
    }

    Instant deferredUntil(PersonKey person) {
        return jdbc.sql("select deferred_until from contact_decision where person_key = :p and kind = 'INVITATION' and deferred_until is not null")
                .param("p", person.value()).query(OffsetDateTime.class).single().toInstant();
    }

    @Test
    void anEveningContactIsInvitedTheNextMorningAndOnlyOnceHoweverOftenTheJobRuns() throws Exception {
        PersonKey person = traveller();
        String source = "interaction:evening-" + UUID.randomUUID();

        assertThat(invitations.invite(person, touchpoint, source, EVENING)).isEqualTo(Invitations.Outcome.POSTPONED);
        assertThat(deferredUntil(person)).isEqualTo(NEXT_MORNING);
        assertThat(responses.bySource(source)).as("nothing sent in the quiet hours").isEmpty();
        assertThat(mails(person)).isZero();
        // The same interaction delivered again in the evening keeps one waiting invitation.
        assertThat(invitations.invite(person, touchpoint, source, EVENING)).isEqualTo(Invitations.Outcome.POSTPONED);
        assertThat(jdbc.sql("select count(*) from listening_invitation_due where source_ref = :s").param("s", source)
                .query(Integer.class).single()).isEqualTo(1);

        assertThat(invitations.sendPostponed(NEXT_MORNING.minusSeconds(60))).as("not before nine").isZero();
        assertThat(responses.bySource(source)).isEmpty();

        // Two nodes run the job at the same moment: one of them sends it.
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Callable<Integer> run = () -> {
                start.await();
                return invitations.sendPostponed(NEXT_MORNING);
            };
            Future<Integer> first = nodes.submit(run);
            Future<Integer> second = nodes.submit(run);
            start.countDown();
            // Each run also sends what other tests left waiting; this person's invitation goes out once (below).
            assertThat(first.get() + second.get()).isPositive();
        } finally {
            nodes.shutdownNow();
        }
        UUID response = responses.bySource(source).orElseThrow();
        assertThat(jdbc.sql("select count(*) from contact_attempt where person_key = :p").param("p", person.value())
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(responses.byId(response).orElseThrow().invitedAt()).isEqualTo(NEXT_MORNING);
        assertThat(mails(person)).isEqualTo(1);

        // A later run, and the interaction delivered once more, send nothing again.
        assertThat(invitations.sendPostponed(NEXT_MORNING.plusSeconds(300))).isZero();
        assertThat(invitations.invite(person, touchpoint, source, EVENING)).isEqualTo(Invitations.Outcome.ALREADY_INVITED);
        assertThat(mails(person)).isEqualTo(1);
        // The contact log keeps the contact's own time, so the evening hour counts as invited.
        assertThat(jdbc.sql("select contact_at from contact_attempt where person_key = :p and kind = 'INVITATION'").param("p", person.value())
                .query(OffsetDateTime.class).single().toInstant()).isEqualTo(EVENING);
    }

    @Test
    void aRunThatDiesBeforeCommittingLeavesTheInvitationForTheNextRun() {
        PersonKey person = traveller();
        String source = "interaction:restart-" + UUID.randomUUID();
        assertThat(invitations.invite(person, touchpoint, source, EVENING)).isEqualTo(Invitations.Outcome.POSTPONED);
        InvitationsDue.Due waiting = due.of(person).get(0);
        // A node takes it and is killed before its transaction commits.
        transactions.executeWithoutResult(status -> {
            assertThat(due.take(waiting, NEXT_MORNING)).isTrue();
            status.setRollbackOnly();
        });
        assertThat(due.of(person)).as("rolled back, so still waiting").hasSize(1);
        invitations.sendPostponed(NEXT_MORNING);
        invitations.sendPostponed(NEXT_MORNING);
        assertThat(due.of(person)).isEmpty();
        assertThat(mails(person)).isEqualTo(1);
    }

    @Test
    void atNineThePolicyIsAskedAgainSoAnInvitationSentMeanwhileStillRefusesIt() {
        PersonKey person = traveller();
        String source = "interaction:meanwhile-" + UUID.randomUUID();
        assertThat(invitations.invite(person, touchpoint, source, EVENING)).isEqualTo(Invitations.Outcome.POSTPONED);
        // Another system invited the person at 22:00.
        outreach.contacted(person, new TouchpointId(UUID.randomUUID()), ContactKind.INVITATION, Channel.EMAIL, EVENING.plusSeconds(1800));

        assertThat(invitations.sendPostponed(NEXT_MORNING)).isZero();
        assertThat(responses.bySource(source)).isEmpty();
        assertThat(due.of(person)).as("decided, so no longer waiting").isEmpty();
        assertThat(jdbc.sql("select reasons from contact_decision where person_key = :p and kind = 'INVITATION' and decided_at = :at")
                .param("p", person.value()).param("at", OffsetDateTime.ofInstant(NEXT_MORNING, java.time.ZoneOffset.UTC))
                .query(String.class).single()).isEqualTo("RECONTACT_WINDOW");
    }

    @Test
    void pastTheMaximumDelayAfterTheContactTheInvitationIsRefusedAsTooLongAfterIt() {
        // Ten hours at most: 09:00 is eleven and a half hours after the contact at 21:30.
        policy(Duration.ofHours(10));
        PersonKey person = traveller();
        String source = "interaction:too-late-" + UUID.randomUUID();
        assertThat(invitations.invite(person, touchpoint, source, EVENING)).isEqualTo(Invitations.Outcome.NOT_ALLOWED);
        assertThat(due.of(person)).isEmpty();
        assertThat(jdbc.sql("select reasons from contact_decision where person_key = :p and kind = 'INVITATION'")
                .param("p", person.value()).query(String.class).single()).isEqualTo("QUIET_HOURS,TOO_LONG_AFTER_CONTACT");
        assertThat(invitations.sendPostponed(NEXT_MORNING)).isZero();
        assertThat(mails(person)).isZero();
    }

    @Test
    void aWaitingInvitationIsInThePersonsExportAndGoesWhenTheyAreForgotten() throws Exception {
        PersonKey person = traveller();
        String source = "interaction:export-" + UUID.randomUUID();
        assertThat(invitations.invite(person, touchpoint, source, EVENING)).isEqualTo(Invitations.Outcome.POSTPONED);
        assertThat(personalData.export(person)).singleElement()
                .isEqualTo(new InvitationsDuePersonalData.WaitingInvitation(null, EVENING, NEXT_MORNING));
        PersonKey other = traveller();
        invitations.invite(other, touchpoint, "interaction:other-" + UUID.randomUUID(), EVENING);

        EventsHandled handled = EventsHandled.since(events);
        transactions.executeWithoutResult(status -> publisher.publishEvent(new PersonErased(person, List.of(), NEXT_MORNING)));
        handled.await();
        assertThat(due.of(person)).isEmpty();
        assertThat(due.of(other)).as("only the forgotten person's").hasSize(1);
        invitations.sendPostponed(NEXT_MORNING);
        assertThat(mails(person)).isZero();
        assertThat(mails(other)).isEqualTo(1);
    }
}
