package nl.buitenin.offers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;

import com.jayway.jsonpath.JsonPath;

import nl.buitenin.access.Scope;
import nl.buitenin.access.internal.ApiKeys;
import nl.buitenin.contact.ContactDecision;
import nl.buitenin.contact.ContactKind;
import nl.buitenin.contact.Outreach;
import nl.buitenin.contact.OutreachRequest;
import nl.buitenin.contact.Reason;
import nl.buitenin.contact.ReasonCode;
import nl.buitenin.contact.internal.PolicyFile;
import nl.buitenin.contact.internal.StoredContactPolicy;
import nl.buitenin.journey.Channel;
import nl.buitenin.journey.InteractionKind;
import nl.buitenin.journey.InteractionsRecorded;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.internal.JdbcJourneys;
import nl.buitenin.journey.internal.Names;
import nl.buitenin.offers.internal.InterestBook;
import nl.buitenin.privacy.Consents;
import nl.buitenin.privacy.ContactDetails;
import nl.buitenin.privacy.PersonErased;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.Persons;
import nl.buitenin.privacy.PurposeId;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.EventsHandled;
import nl.buitenin.testing.Unique;

/**
 * Offer decisions over the API, end to end: interactions with a topic (sent like any other) make an interest, the one
 * contact policy decides with it, a sent offer counts in the topic's cap and the shared budget, which invitations share.
 * Every person is new and every moment lies in a week of its own, so tests do not see each other's rows.
 */
@DatabaseTest
@AutoConfigureMockMvc
class OffersApiTest {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    /** Each test takes its own Tuesday, a week after the previous one, in a year no other test uses. */
    static final AtomicInteger WEEKS = new AtomicInteger();

    @Autowired
    MockMvc mvc;
    @Autowired
    ApiKeys apiKeys;
    @Autowired
    EventPublicationRegistry registry;
    @Autowired
    Persons persons;
    @Autowired
    Consents consents;
    @Autowired
    JdbcJourneys journeys;
    @Autowired
    StoredContactPolicy policy;
    @Autowired
    Outreach outreach;
    @Autowired
    InterestBook interests;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;

    String ingestKey;
    TouchpointId touchpoint;
    Instant tuesday;

    @BeforeEach
    void aShopAndAPolicyWithoutQuietTimes() {
        ingestKey = apiKeys.issue("crm " + UUID.randomUUID(), Set.of(Scope.INGEST), null).plainText();
        touchpoint = journeys.addTouchpoint(journeys.addStage(journeys.createJourney(new Names(Unique.name("Reizen"), Unique.name("Travel"))),
                new Names("Boeken", "Book")), new Names("Website", "Website"), Channel.WEB, null);
        policy.change(new PolicyFile(1.0, null, null, 30, null, null, "00:00", "00:00", List.of(), 3, "EMAIL"));
        tuesday = ZonedDateTime.of(2019, 1, 8, 14, 0, 0, 0, AMSTERDAM).plusWeeks(WEEKS.getAndAdd(2)).toInstant();
    }

    PersonKey traveller(boolean offersConsent) {
        PersonKey person = persons.register("reiziger-" + UUID.randomUUID(), new ContactDetails("Mila", "mila@voorbeeld.nl", null));
        if (offersConsent) {
            consents.give(person, PurposeId.OFFERS, "test");
        }
        consents.give(person, PurposeId.FEEDBACK, "test");
        return person;
    }

    void interaction(PersonKey person, String sourceId, String kind, String topic, Instant at) throws Exception {
        EventsHandled handled = EventsHandled.since(registry);
        mvc.perform(post("/api/v1/interactions").header("Authorization", "Bearer " + ingestKey).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"items\":[{\"sourceId\":\"" + sourceId + "\",\"touchpoint\":\"" + touchpoint + "\",\"at\":\"" + at
                                + "\",\"person\":\"" + person.value() + "\",\"kind\":\"" + kind + "\",\"topic\":\"" + topic + "\"}]}"))
                .andExpect(status().isOk());
        handled.await();
    }

    ResultActions ask(PersonKey person, String topic, String channel, Instant at, String language) throws Exception {
        return mvc.perform(post("/api/v1/offers/decisions").header("Authorization", "Bearer " + ingestKey).header("Accept-Language", language)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"person\":\"" + person.value() + "\",\"topic\":\"" + topic + "\",\"channel\":\"" + channel + "\",\"at\":\"" + at + "\"}"));
    }

    List<String> codes(PersonKey person, String topic, Instant at) throws Exception {
        String body = ask(person, topic, "email", at, "en").andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.reasons[*].code");
    }

    void sent(PersonKey person, String topic, Instant at) throws Exception {
        mvc.perform(post("/api/v1/offers/sent").header("Authorization", "Bearer " + ingestKey).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"person\":\"" + person.value() + "\",\"topic\":\"" + topic + "\",\"channel\":\"email\",\"at\":\"" + at + "\"}"))
                .andExpect(status().isNoContent());
    }

    /** Keeps an answer for docs/offers.md in target/docs (real output of this test). */
    static void keep(String name, String body) throws java.io.IOException {
        java.nio.file.Path dir = java.nio.file.Path.of("target", "docs");
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.writeString(dir.resolve(name), body);
    }

    @Test
    void oneBookingAllowsAnOfferWhileItsInterestLastsAndTheSentOfferCapsTheTopic() throws Exception {
        PersonKey person = traveller(true);
        Instant booked = tuesday.minus(Duration.ofDays(1));
        interaction(person, "booking-" + UUID.randomUUID(), "purchase", "Cuba", booked);

        String allowed = ask(person, "cuba", "email", tuesday, "nl").andExpect(status().isOk()).andExpect(jsonPath("$.allowed").value(true))
                .andExpect(jsonPath("$.reasons").isEmpty()).andReturn().getResponse().getContentAsString();
        keep("offers-decision-allowed.json", allowed);
        sent(person, "Cuba", tuesday);

        String body = ask(person, "Cuba", "email", tuesday.plus(Duration.ofDays(8)), "nl").andExpect(status().isOk())
                .andExpect(jsonPath("$.allowed").value(false)).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(body, "$.reasons[*].code")).containsExactly("TOPIC_CAP");
        keep("offers-decision-topic-cap.json", body);
        assertThat(JsonPath.<String>read(body, "$.reasons[0].text")).contains("aanbieding(en) over Cuba");

        // Fifteen days after the booking its weight (1, half-life 14 days) is below the threshold 0,5; the cap still holds.
        assertThat(codes(person, "Cuba", booked.plus(Duration.ofDays(15)))).containsExactlyInAnyOrder("TOPIC_CAP", "NO_INTEREST");
        // Another traveller's booking, asked about after 13 days (still above) and 15 days (below), without any offer sent.
        PersonKey other = traveller(true);
        interaction(other, "booking-" + UUID.randomUUID(), "purchase", "Cuba", booked);
        assertThat(codes(other, "Cuba", booked.plus(Duration.ofDays(13)))).isEmpty();
        assertThat(codes(other, "Cuba", booked.plus(Duration.ofDays(15)))).containsExactly("NO_INTEREST");
    }

    @Test
    void withoutConsentForOffersNoInterestIsKeptAndEveryOfferIsRefused() throws Exception {
        PersonKey person = traveller(false);
        interaction(person, "booking-" + UUID.randomUUID(), "purchase", "Cuba", tuesday.minus(Duration.ofDays(1)));
        assertThat(interests.of(person, tuesday)).isEmpty();
        String body = ask(person, "Cuba", "email", tuesday, "en").andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(body, "$.reasons[*].code")).containsExactlyInAnyOrder("NO_OFFER_CONSENT", "NO_INTEREST");
        keep("offers-decision-no-consent.json", body);
    }

    @Test
    void anOfferRefusedOnlyByTheQuietTimeSaysWhenTheClockNoLongerObjects() throws Exception {
        policy.change(new PolicyFile(1.0, null, null, 30, null, null, "20:00", "09:00", List.of("SUNDAY"), 3, "EMAIL"));
        PersonKey person = traveller(true);
        interaction(person, "booking-" + UUID.randomUUID(), "purchase", "Cuba", tuesday.minus(Duration.ofDays(1)));
        ZonedDateTime local = tuesday.atZone(AMSTERDAM);

        // Tuesday 21:30: quiet until Wednesday 09:00, and nothing else objects.
        Instant evening = local.withHour(21).withMinute(30).toInstant();
        Instant wednesdayMorning = local.plusDays(1).withHour(9).withMinute(0).toInstant();
        String body = ask(person, "Cuba", "email", evening, "en").andExpect(status().isOk()).andExpect(jsonPath("$.allowed").value(false))
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(body, "$.reasons[*].code")).containsExactly("QUIET_HOURS");
        assertThat(Instant.parse(JsonPath.<String>read(body, "$.retryAfter"))).isEqualTo(wednesdayMorning);
        keep("offers-decision-quiet.json", body);
        assertThat(jdbc.sql("select deferred_until from contact_decision where id = :id")
                .param("id", UUID.fromString(JsonPath.read(body, "$.id"))).query(java.time.OffsetDateTime.class).single().toInstant())
                .isEqualTo(wednesdayMorning);
        // Asked again then, it is allowed, and an allowed answer has no moment to wait for.
        ask(person, "Cuba", "email", wednesdayMorning, "en").andExpect(jsonPath("$.allowed").value(true))
                .andExpect(jsonPath("$.retryAfter").doesNotExist());

        // Saturday 21:30: the quiet hours run into Sunday, a quiet day, so Monday 09:00.
        Instant saturday = local.plusDays(4).withHour(21).withMinute(30).toInstant();
        body = ask(person, "Cuba", "email", saturday, "en").andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(body, "$.reasons[*].code")).containsExactly("QUIET_HOURS");
        assertThat(Instant.parse(JsonPath.<String>read(body, "$.retryAfter"))).isEqualTo(local.plusDays(6).withHour(9).withMinute(0).toInstant());

        // Refused for another reason too, waiting would not help: no moment.
        PersonKey without = traveller(false);
        ask(without, "Cuba", "email", evening, "en").andExpect(jsonPath("$.allowed").value(false))
                .andExpect(jsonPath("$.reasons[*].code").value(org.hamcrest.Matchers.hasItems("NO_OFFER_CONSENT", "QUIET_HOURS")))
                .andExpect(jsonPath("$.retryAfter").doesNotExist());
    }

    @Test
    void theSameInteractionTwiceAddsNothing() throws Exception {
        PersonKey person = traveller(true);
        String source = "search-" + UUID.randomUUID();
        Instant searched = tuesday.minus(Duration.ofDays(1));
        interaction(person, source, "search", "Peru", searched);
        interaction(person, source, "search", "Peru", searched);
        // The event handled a second time (as after a crash between the listener's commit and its completion).
        EventsHandled handled = EventsHandled.since(registry);
        transactions.executeWithoutResult(t -> events.publishEvent(InteractionsRecorded.of(List.of(new InteractionsRecorded.Interaction(
                touchpoint, person, searched, source, InteractionKind.SEARCH, null, null, null, null, "Peru")))));
        handled.await();
        assertThat(interests.of(person, searched)).singleElement().satisfies(i -> assertThat(i.weight()).isEqualTo(0.4));
        // One search (0,4) stays under the threshold (0,5); a second, different one lifts it above.
        assertThat(codes(person, "Peru", tuesday)).containsExactly("NO_INTEREST");
        interaction(person, "search-" + UUID.randomUUID(), "search", "Peru", tuesday.minus(Duration.ofHours(1)));
        assertThat(codes(person, "Peru", tuesday)).isEmpty();
    }

    @Test
    void offersAndInvitationsShareTheContactBudget() throws Exception {
        PersonKey person = traveller(true);
        interaction(person, "booking-" + UUID.randomUUID(), "purchase", "Cuba", tuesday.minus(Duration.ofDays(1)));
        Instant monday = tuesday.minus(Duration.ofDays(1));
        outreach.contacted(person, touchpoint, ContactKind.TOLD_BACK, Channel.EMAIL, monday);
        outreach.contacted(person, null, ContactKind.TOLD_BACK, Channel.EMAIL, monday.plus(Duration.ofMinutes(5)));
        sent(person, "Peru", monday.plus(Duration.ofMinutes(10)));

        ContactDecision invitation = outreach.ask(OutreachRequest.invitationAfter(person, touchpoint, tuesday, Channel.EMAIL,
                tuesday.plus(Duration.ofDays(4))));
        assertThat(invitation.reasons()).extracting(Reason::code).contains(ReasonCode.BUDGET_WEEK);
        assertThat(codes(person, "Cuba", tuesday)).containsExactlyInAnyOrder("BUDGET_WEEK", "KIND_BUDGET");

        PersonKey fresh = traveller(true);
        ContactDecision first = outreach.ask(OutreachRequest.invitationAfter(fresh, touchpoint, tuesday, Channel.EMAIL, tuesday));
        assertThat(first.deniedFor(ReasonCode.BUDGET_WEEK)).isFalse();
    }

    @Test
    void wrongFieldsAreNamedInTheReadersLanguage() throws Exception {
        mvc.perform(post("/api/v1/offers/decisions").header("Authorization", "Bearer " + ingestKey).header("Accept-Language", "nl")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"person\":\"jan\",\"topic\":\" \",\"channel\":\"duif\",\"at\":\"morgen\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("person", "topic", "channel", "at")))
                .andExpect(jsonPath("$.errors[?(@.field == 'channel')].message").value(org.hamcrest.Matchers.hasItem(
                        org.hamcrest.Matchers.containsString("'duif' is niet een van"))));
        mvc.perform(post("/api/v1/offers/sent").header("Authorization", "Bearer " + ingestKey).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"person\":\"p_abcdefghijklmnopqrstuvwxyz\",\"topic\":\"Cuba\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("channel"))
                .andExpect(jsonPath("$.errors[0].message").value("fill this in"));
    }

    @Test
    void anIntegrationAndAnAdministratorMayAskAnAgentAndAReadingKeyMayNot() throws Exception {
        PersonKey person = traveller(true);
        String question = "{\"person\":\"" + person.value() + "\",\"topic\":\"Cuba\",\"channel\":\"email\"}";
        mvc.perform(post("/api/v1/offers/decisions").with(user("ada").roles("ADMIN")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(question)).andExpect(status().isOk());
        mvc.perform(post("/api/v1/offers/decisions").with(user("aziz").roles("AGENT")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(question)).andExpect(status().isForbidden());
        String reader = apiKeys.issue("reader " + UUID.randomUUID(), Set.of(Scope.READ), null).plainText();
        mvc.perform(post("/api/v1/offers/decisions").header("Authorization", "Bearer " + reader).contentType(MediaType.APPLICATION_JSON)
                .content(question)).andExpect(status().isForbidden());
    }

    @Test
    void aForgottenTravellerLeavesNoInterestBehind() throws Exception {
        PersonKey person = traveller(true);
        interaction(person, "booking-" + UUID.randomUUID(), "purchase", "Cuba", tuesday.minus(Duration.ofDays(1)));
        assertThat(interests.of(person, tuesday)).extracting(InterestBook.Current::topic).containsExactly("Cuba");
        EventsHandled handled = EventsHandled.since(registry);
        transactions.executeWithoutResult(t -> events.publishEvent(new PersonErased(person, List.of(), tuesday)));
        handled.await();
        for (String table : List.of("offers_interest", "offers_counted", "offers_closed")) {
            assertThat(jdbc.sql("select count(*) from " + table + " where person_key = :p").param("p", person.value()).query(Long.class).single())
                    .as(table).isZero();
        }
    }
}
