package nl.buitenin.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.buitenin.contact.internal.JdbcContactStore;
import nl.buitenin.contact.internal.PolicyFile;
import nl.buitenin.contact.internal.StoredContactPolicy;
import nl.buitenin.journey.Channel;
import nl.buitenin.journey.InteractionKind;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.internal.InteractionIngest;
import nl.buitenin.journey.internal.JdbcJourneys;
import nl.buitenin.journey.internal.Names;
import nl.buitenin.journey.internal.NewInteraction;
import nl.buitenin.loop.CaseSource;
import nl.buitenin.loop.CaseType;
import nl.buitenin.loop.Cases;
import nl.buitenin.privacy.Consents;
import nl.buitenin.privacy.ContactDetails;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.Persons;
import nl.buitenin.privacy.Preferences;
import nl.buitenin.privacy.PreferredChannel;
import nl.buitenin.privacy.PurposeId;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.Unique;

/**
 * {@link Outreach} decides from facts it gathers itself: the caller names only the person, the purpose, the
 * touchpoint, the channel and the occasion, and consent, preferences, service contacts (journey) and open
 * cases (loop, through the {@link OpenCases} port) are read from the modules that own them.
 */
@DatabaseTest
class OutreachTest {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    static final Instant TUESDAY_AFTERNOON = ZonedDateTime.of(2025, 10, 14, 14, 0, 0, 0, AMSTERDAM).toInstant();

    @Autowired
    Outreach outreach;
    @Autowired
    StoredContactPolicy policy;
    @Autowired
    JdbcContactStore store;
    @Autowired
    Persons persons;
    @Autowired
    Consents consents;
    @Autowired
    Cases cases;
    @Autowired
    InteractionIngest interactions;
    @Autowired
    JdbcJourneys journeys;

    TouchpointId touchpoint;

    @BeforeEach
    void askEveryoneAtAnyTime() {
        touchpoint = journeys.addTouchpoint(journeys.addStage(journeys.createJourney(new Names(Unique.name("Reis"), Unique.name("Trip"))),
                new Names("Contact", "Contact")), new Names("Telefoon", "Phone"), Channel.PHONE, null);
        policy.change(new PolicyFile(1.0, null, null, 30, null, null, "00:00", "00:00", List.of(), 3, "EMAIL"));
    }

    PersonKey consentedPerson() {
        PersonKey person = persons.register("klant-" + UUID.randomUUID(), new ContactDetails("Eva", "eva@voorbeeld.nl", null));
        consents.give(person, PurposeId.FEEDBACK, "test");
        return person;
    }

    void contactAt(PersonKey person, Instant at) {
        interactions.recordValid(List.of(new NewInteraction("outreach-" + UUID.randomUUID(), touchpoint, at, person, InteractionKind.CONTACT)));
    }

    ContactDecision invitation(PersonKey person, Instant contactAt) {
        return outreach.ask(OutreachRequest.invitationAfter(person, touchpoint, contactAt, Channel.EMAIL, TUESDAY_AFTERNOON));
    }

    static List<ReasonCode> codes(ContactDecision decision) {
        return decision.reasons().stream().map(Reason::code).toList();
    }

    @Test
    void consentPreferencesAndAnOpenCaseAreGatheredByTheDecisionItself() {
        PersonKey person = persons.register("klant-" + UUID.randomUUID(), new ContactDetails("Frits", "frits@voorbeeld.nl", null));
        assertThat(codes(invitation(person, TUESDAY_AFTERNOON))).containsExactly(ReasonCode.NO_CONSENT);

        consents.give(person, PurposeId.FEEDBACK, "test");
        assertThat(invitation(person, TUESDAY_AFTERNOON).allowed()).isTrue();

        cases.openFor(CaseSource.complaint("outreach-" + UUID.randomUUID()), CaseType.COMPLAINT, person, touchpoint, "Niemand nam op");
        assertThat(codes(invitation(person, TUESDAY_AFTERNOON))).containsExactly(ReasonCode.OPEN_CASE);

        persons.setPreferences(person, new Preferences(PreferredChannel.PHONE, "nl", false, true));
        assertThat(codes(invitation(person, TUESDAY_AFTERNOON))).containsExactlyInAnyOrder(ReasonCode.OPEN_CASE, ReasonCode.DO_NOT_ASK);
        assertThat(store.decisionsOf(person)).hasSize(4).allSatisfy(d -> assertThat(d.kind()).isEqualTo(ContactKind.INVITATION));
    }

    @Test
    void theServiceContactThatIsTheOccasionDoesNotCountButAnotherRecentOneDoes() {
        PersonKey person = consentedPerson();
        Instant call = TUESDAY_AFTERNOON.minus(Duration.ofMinutes(20));
        contactAt(person, call);
        assertThat(invitation(person, call).allowed()).isTrue();

        contactAt(person, TUESDAY_AFTERNOON.minus(Duration.ofDays(1)));
        assertThat(codes(invitation(person, call))).containsExactly(ReasonCode.RECENT_OPERATIONAL_CONTACT);
    }

    @Test
    void aVisitInProgressIsItsOccasionAndAnEarlierContactIsNot() {
        PersonKey person = consentedPerson();
        Instant visitSince = TUESDAY_AFTERNOON.minus(Duration.ofHours(1));
        contactAt(person, TUESDAY_AFTERNOON.minus(Duration.ofMinutes(10)));
        contactAt(person, TUESDAY_AFTERNOON.minus(Duration.ofMinutes(40)));
        OutreachRequest duringVisit = OutreachRequest.invitationDuringVisit(person, touchpoint, visitSince, Channel.WEB, TUESDAY_AFTERNOON);
        assertThat(outreach.ask(duringVisit).allowed()).isTrue();

        contactAt(person, TUESDAY_AFTERNOON.minus(Duration.ofHours(5)));
        assertThat(codes(outreach.ask(duringVisit))).containsExactly(ReasonCode.RECENT_OPERATIONAL_CONTACT);
    }

    @Test
    void aReminderWeighsOnlyServiceContactsAfterTheInvitation() {
        PersonKey person = consentedPerson();
        persons.setPreferences(person, new Preferences(PreferredChannel.EMAIL, "nl", true, false));
        Instant invitedAt = TUESDAY_AFTERNOON.minus(Duration.ofDays(2));
        contactAt(person, invitedAt.minus(Duration.ofMinutes(30)));
        OutreachRequest reminder = OutreachRequest.reminder(person, touchpoint, invitedAt, Channel.EMAIL, TUESDAY_AFTERNOON);
        assertThat(outreach.ask(reminder).allowed()).isTrue();

        contactAt(person, invitedAt.plus(Duration.ofDays(1)));
        assertThat(codes(outreach.ask(reminder))).containsExactly(ReasonCode.RECENT_OPERATIONAL_CONTACT);
    }

    @Test
    void aSentInvitationCountsForTheWindowAndATellBackDecisionIsStoredLikeEveryOther() {
        PersonKey person = consentedPerson();
        OutreachRequest first = OutreachRequest.invitationAfter(person, touchpoint, TUESDAY_AFTERNOON, Channel.EMAIL, TUESDAY_AFTERNOON);
        assertThat(outreach.ask(first).allowed()).isTrue();
        outreach.sent(first, TUESDAY_AFTERNOON);
        Instant nextDay = TUESDAY_AFTERNOON.plus(Duration.ofDays(1));
        assertThat(codes(outreach.ask(OutreachRequest.invitationAfter(person, new TouchpointId(UUID.randomUUID()), nextDay, Channel.EMAIL,
                nextDay)))).containsExactly(ReasonCode.RECONTACT_WINDOW);

        assertThat(outreach.ask(OutreachRequest.toldBack(person, nextDay)).allowed()).isTrue();
        consents.withdraw(person, PurposeId.FEEDBACK, "test");
        assertThat(codes(outreach.ask(OutreachRequest.toldBack(person, nextDay)))).containsExactly(ReasonCode.NO_CONSENT);

        PersonKey unknown = ContactPolicyTest.newPerson();
        ContactDecision nobody = outreach.ask(OutreachRequest.toldBack(unknown, nextDay));
        assertThat(codes(nobody)).contains(ReasonCode.PERSON_UNKNOWN);
        assertThat(store.decisionsOf(unknown)).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(ContactKind.TOLD_BACK);
            assertThat(d.touchpoint()).isNull();
            assertThat(d.reasons()).contains(ReasonCode.PERSON_UNKNOWN);
        });
    }

    @Test
    void aRequestWithoutAChannelCannotBeRecordedAsSent() {
        OutreachRequest toldBack = OutreachRequest.toldBack(ContactPolicyTest.newPerson(), TUESDAY_AFTERNOON);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> outreach.sent(toldBack, TUESDAY_AFTERNOON))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
