package nl.buitenin.groups;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.test.web.servlet.MockMvc;

import nl.buitenin.groups.internal.DerivedAttributes;
import nl.buitenin.groups.internal.ComputedAttributes;
import nl.buitenin.journey.Channel;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.internal.InteractionIngest;
import nl.buitenin.journey.internal.JdbcJourneys;
import nl.buitenin.journey.internal.Names;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.journey.internal.InteractionInput;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.EventsHandled;
import nl.buitenin.testing.Unique;

/**
 * Attributes derived from interactions, end to end on H2 and PostgreSQL: interactions recorded through journey's
 * ingest (which publishes InteractionsRecorded) give attributes computed when read (counts, channel, product) and
 * nothing stored; a rule group over a count gets the right history (its lapse worked out here by hand), one over the
 * channel follows the latest interaction's channel, and recording the same batch again changes nothing.
 */
@DatabaseTest
@AutoConfigureMockMvc
class DerivedAttributesFromTheIngestTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    InteractionIngest ingest;
    @Autowired
    ComputedAttributes computed;
    @Autowired
    CustomerGroups customerGroups;
    @Autowired
    EventPublicationRegistry registry;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired
    JdbcJourneys journeys;
    @Autowired
    Organisations organisations;

    GroupsFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = GroupsFixture.in(context, mvc);
    }

    @Test
    void purchasesBecomeAnAttributeThatARuleGroupFollows() throws Exception {
        GroupId regulars = fixture.group("RULE", null, "purchases_12m >= 2");
        PersonKey person = fixture.person();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant first = now.minus(300, ChronoUnit.DAYS);
        Instant second = now.minus(10, ChronoUnit.DAYS);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<InteractionInput> batch = List.of(purchase(tag + "-1", person, first), purchase(tag + "-2", person, second));

        EventsHandled handled = EventsHandled.since(registry);
        ingest.ingest(batch);
        handled.await();

        List<DerivedAttributes.Value> values = values(person);
        assertThat(values).contains(new DerivedAttributes.Value("channel", "location", first),
                new DerivedAttributes.Value("purchases_12m", "1", first), new DerivedAttributes.Value("purchases_12m", "2", second));
        assertThat(values).filteredOn(v -> v.name().equals("product")).singleElement()
                .satisfies(v -> assertThat(v.value()).startsWith("Wandelreis"));
        assertThat(jdbc.sql("select count(*) from groups_attribute where person_key = :p").param("p", person.value()).query(Long.class).single())
                .as("what interactions say is computed when read, never stored").isZero();
        assertThat(customerGroups.of(person, second.minusSeconds(1))).doesNotContain(regulars);
        assertThat(customerGroups.of(person, second)).contains(regulars);
        assertThat(customerGroups.of(person, now)).contains(regulars);
        // Twelve months after the first purchase (in the organisation's time zone) the count drops to 1, and the membership
        // ends then.
        Instant lapse = first.atZone(organisations.current().timeZone()).plusMonths(12).toInstant();
        assertThat(customerGroups.of(person, lapse.minusSeconds(1))).contains(regulars);
        assertThat(customerGroups.of(person, lapse)).doesNotContain(regulars);

        EventsHandled again = EventsHandled.since(registry);
        ingest.ingest(batch);
        again.await();
        assertThat(values(person)).isEqualTo(values);
        assertThat(customerGroups.of(person, second)).contains(regulars);
        assertThat(customerGroups.of(person, lapse)).doesNotContain(regulars);
    }

    /** A rule over a count made after the interactions came in reads the counts of everybody with attributes. */
    @Test
    void aRuleOverACountMadeLaterFindsItsMembers() throws Exception {
        PersonKey person = fixture.person();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        EventsHandled handled = EventsHandled.since(registry);
        ingest.ingest(List.of(purchase(tag + "-1", person, now.minus(30, ChronoUnit.DAYS)),
                purchase(tag + "-2", person, now.minus(20, ChronoUnit.DAYS)), purchase(tag + "-3", person, now.minus(5, ChronoUnit.DAYS))));
        handled.await();

        GroupId threeOrMore = fixture.group("RULE", null, "purchases_12m >= 3");
        assertThat(customerGroups.of(person, now.minus(6, ChronoUnit.DAYS))).doesNotContain(threeOrMore);
        assertThat(customerGroups.of(person, now.minus(5, ChronoUnit.DAYS))).contains(threeOrMore);
    }

    @Test
    void aPurchaseSentLateForThePastChangesTheHistory() throws Exception {
        GroupId regulars = fixture.group("RULE", null, "purchases_12m >= 2");
        PersonKey person = fixture.person();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        EventsHandled handled = EventsHandled.since(registry);
        ingest.ingest(List.of(purchase(tag + "-1", person, now.minus(20, ChronoUnit.DAYS))));
        handled.await();
        assertThat(customerGroups.of(person, now)).doesNotContain(regulars);

        EventsHandled late = EventsHandled.since(registry);
        ingest.ingest(List.of(purchase(tag + "-0", person, now.minus(40, ChronoUnit.DAYS))));
        late.await();
        assertThat(customerGroups.of(person, now.minus(30, ChronoUnit.DAYS))).doesNotContain(regulars);
        assertThat(customerGroups.of(person, now.minus(20, ChronoUnit.DAYS).minusSeconds(1))).doesNotContain(regulars);
        assertThat(customerGroups.of(person, now.minus(20, ChronoUnit.DAYS))).contains(regulars);
        assertThat(customerGroups.of(person, now)).contains(regulars);
        // The late purchase is now the first: the channel and product are set from it on.
        assertThat(values(person)).filteredOn(v -> v.name().equals("channel")).first().isEqualTo(new DerivedAttributes.Value("channel", "location", now.minus(40, ChronoUnit.DAYS)));
    }

    /**
     * A rule over the channel follows the channel of the person's latest interaction: in from a visit to the web shop, out
     * at a later purchase at a location, in again at a later visit; one sent late for the past between them changes that
     * history too.
     */
    @Test
    void aRuleOverTheChannelFollowsTheLatestInteraction() throws Exception {
        GroupId online = fixture.group("RULE", null, "channel = web");
        PersonKey person = fixture.person();
        TouchpointId shop = webShop();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Instant visit = now.minus(100, ChronoUnit.DAYS);
        Instant purchase = now.minus(60, ChronoUnit.DAYS);
        Instant again = now.minus(10, ChronoUnit.DAYS);
        EventsHandled handled = EventsHandled.since(registry);
        ingest.ingest(List.of(visit(tag + "-1", person, shop, visit), purchase(tag + "-2", person, purchase), visit(tag + "-3", person, shop, again)));
        handled.await();
        assertThat(customerGroups.of(person, visit.minusSeconds(1))).doesNotContain(online);
        assertThat(customerGroups.of(person, visit)).contains(online);
        assertThat(customerGroups.of(person, purchase.minusSeconds(1))).contains(online);
        assertThat(customerGroups.of(person, purchase)).doesNotContain(online);
        assertThat(customerGroups.of(person, again)).contains(online);

        // A visit 30 days ago, sent late: online again from then on.
        Instant late = now.minus(30, ChronoUnit.DAYS);
        EventsHandled lateHandled = EventsHandled.since(registry);
        ingest.ingest(List.of(visit(tag + "-4", person, shop, late)));
        lateHandled.await();
        assertThat(customerGroups.of(person, late.minusSeconds(1))).doesNotContain(online);
        assertThat(customerGroups.of(person, late)).contains(online);
        assertThat(customerGroups.of(person, now)).contains(online);
    }

    /** The person's attributes computed from their interactions, without the source ids that name the person. */
    private List<DerivedAttributes.Value> values(PersonKey person) {
        return computed.timelines(List.of(person)).getOrDefault(person, List.of()).stream()
                .map(a -> new DerivedAttributes.Value(a.name(), a.value(), a.from())).toList();
    }

    private TouchpointId webShop() {
        return journeys.addTouchpoint(journeys.addStage(journeys.createJourney(new Names(Unique.name("Fietsreis"),
                Unique.name("Cycling trip"))), new Names("Boeken", "Booking")), new Names(Unique.name("Webwinkel"), Unique.name("Web shop")),
                Channel.WEB, null);
    }

    private InteractionInput visit(String sourceId, PersonKey person, TouchpointId touchpoint, Instant at) {
        return new InteractionInput("derived-" + sourceId, touchpoint.toString(), OffsetDateTime.ofInstant(at, ZoneOffset.UTC).toString(),
                person.value(), "VISIT");
    }

    private InteractionInput purchase(String sourceId, PersonKey person, Instant at) {
        return new InteractionInput("derived-" + sourceId, fixture.touchpoint().toString(),
                OffsetDateTime.ofInstant(at, ZoneOffset.UTC).toString(), person.value(), "PURCHASE");
    }
}
