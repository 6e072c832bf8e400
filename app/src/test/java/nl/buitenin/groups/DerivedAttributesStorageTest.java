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
import nl.buitenin.groups.internal.JdbcDerivedAttributes;
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
 * ingest (which publishes InteractionsRecorded) become stored attributes (channel, product) and counts computed when a
 * rule reads them, a rule group over a count gets the right history (its lapse worked out here by hand), and recording
 * the same batch again changes nothing.
 */
@DatabaseTest
@AutoConfigureMockMvc
class DerivedAttributesStorageTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    InteractionIngest ingest;
    @Autowired
    JdbcDerivedAttributes derived;
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

        List<DerivedAttributes.Value> values = derived.of(person);
        assertThat(values).contains(new DerivedAttributes.Value("channel", "location", first));
        assertThat(values).filteredOn(v -> v.name().equals("product")).singleElement()
                .satisfies(v -> assertThat(v.value()).startsWith("Wandelreis"));
        assertThat(values).as("counts are computed when read, never stored")
                .noneMatch(v -> DerivedAttributes.COUNTS.contains(v.name()));
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
        assertThat(derived.of(person)).isEqualTo(values);
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
        assertThat(derived.of(person)).first().isEqualTo(new DerivedAttributes.Value("channel", "location", now.minus(40, ChronoUnit.DAYS)));
    }

    /**
     * A new interaction rewrites only the values it changes: the rows of the values it leaves as they were keep their
     * ids (they are not deleted and inserted again), and the stored values are still exactly the person's whole set,
     * each once.
     */
    @Test
    void aNewInteractionRewritesOnlyTheValuesItChanges() throws Exception {
        PersonKey person = fixture.person();
        TouchpointId shop = webShop();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Instant first = now.minus(700, ChronoUnit.DAYS);
        Instant second = now.minus(600, ChronoUnit.DAYS);
        Instant third = now.minus(10, ChronoUnit.DAYS);
        EventsHandled handled = EventsHandled.since(registry);
        ingest.ingest(List.of(purchase(tag + "-1", person, first), visit(tag + "-2", person, shop, second)));
        handled.await();
        java.util.Map<DerivedAttributes.Value, UUID> before = rows(person);
        assertThat(before).containsKeys(new DerivedAttributes.Value("channel", "location", first),
                new DerivedAttributes.Value("channel", "web", second));

        EventsHandled next = EventsHandled.since(registry);
        ingest.ingest(List.of(purchase(tag + "-3", person, third)));
        next.await();
        java.util.Map<DerivedAttributes.Value, UUID> after = rows(person);

        // The values before the new purchase stay, on the same rows; the purchase sets the channel back to location (its
        // product is the one already held, so no new product value).
        before.forEach((value, id) -> assertThat(after.get(value)).as("the row of %s", value).isEqualTo(id));
        assertThat(after).containsKey(new DerivedAttributes.Value("channel", "location", third));
        assertThat(after.keySet()).containsExactlyInAnyOrderElementsOf(derived.of(person));
        assertThat(after.values()).doesNotHaveDuplicates();
        assertThat(after).hasSize(before.size() + 1);
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

    /** Each stored derived value of the person with its row's id; fails when a value is stored twice. */
    private java.util.Map<DerivedAttributes.Value, UUID> rows(PersonKey person) {
        java.util.Map<DerivedAttributes.Value, UUID> rows = new java.util.HashMap<>();
        jdbc.sql("select name, attr_value, valid_from, id from groups_attribute where person_key = :p and derived = true")
                .param("p", person.value()).query((rs, n) -> {
                    DerivedAttributes.Value value = new DerivedAttributes.Value(rs.getString(1), rs.getString(2),
                            rs.getObject(3, OffsetDateTime.class).toInstant());
                    assertThat(rows.put(value, rs.getObject(4, UUID.class))).as("stored twice: %s", value).isNull();
                    return value;
                }).list();
        return rows;
    }

    private InteractionInput purchase(String sourceId, PersonKey person, Instant at) {
        return new InteractionInput("derived-" + sourceId, fixture.touchpoint().toString(),
                OffsetDateTime.ofInstant(at, ZoneOffset.UTC).toString(), person.value(), "PURCHASE");
    }
}
