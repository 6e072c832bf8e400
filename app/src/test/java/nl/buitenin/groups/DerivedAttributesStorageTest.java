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
import nl.buitenin.journey.internal.InteractionIngest;
import nl.buitenin.journey.internal.InteractionInput;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.EventsHandled;

/**
 * Attributes derived from interactions, end to end on H2 and PostgreSQL: interactions recorded through journey's
 * ingest (which publishes InteractionsRecorded) become attributes in the store that rules read, a rule group over them
 * gets the right history, and recording the same batch again changes nothing.
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
        assertThat(values).contains(new DerivedAttributes.Value("purchases_12m", "2", second),
                new DerivedAttributes.Value("channel", "location", first));
        assertThat(values).filteredOn(v -> v.name().equals("product")).singleElement()
                .satisfies(v -> assertThat(v.value()).startsWith("Wandelreis"));
        assertThat(customerGroups.of(person, second.minusSeconds(1))).doesNotContain(regulars);
        assertThat(customerGroups.of(person, second)).contains(regulars);
        assertThat(customerGroups.of(person, now)).contains(regulars);
        // Twelve months after the first purchase the count drops to 1, and the membership ends then.
        Instant lapse = values.stream().filter(v -> v.name().equals("purchases_12m") && v.value().equals("1") && v.from().isAfter(second))
                .findFirst().orElseThrow().from();
        assertThat(customerGroups.of(person, lapse.minusSeconds(1))).contains(regulars);
        assertThat(customerGroups.of(person, lapse)).doesNotContain(regulars);

        EventsHandled again = EventsHandled.since(registry);
        ingest.ingest(batch);
        again.await();
        assertThat(derived.of(person)).isEqualTo(values);
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
        assertThat(customerGroups.of(person, now.minus(20, ChronoUnit.DAYS))).contains(regulars);
        assertThat(derived.of(person)).contains(new DerivedAttributes.Value("purchases_12m", "1", now.minus(40, ChronoUnit.DAYS)),
                new DerivedAttributes.Value("purchases_12m", "2", now.minus(20, ChronoUnit.DAYS)));
    }

    /**
     * A new interaction rewrites only the values it changes: the rows of the values it leaves as they were keep their
     * ids (they are not deleted and inserted again), and the stored values are still exactly the person's whole set,
     * each once.
     */
    @Test
    void aNewInteractionRewritesOnlyTheValuesItChanges() throws Exception {
        PersonKey person = fixture.person();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Instant first = now.minus(700, ChronoUnit.DAYS);
        Instant second = now.minus(600, ChronoUnit.DAYS);
        EventsHandled handled = EventsHandled.since(registry);
        ingest.ingest(List.of(purchase(tag + "-1", person, first), purchase(tag + "-2", person, second)));
        handled.await();
        java.util.Map<DerivedAttributes.Value, UUID> before = rows(person);
        assertThat(before).containsKeys(new DerivedAttributes.Value("purchases_12m", "1", first),
                new DerivedAttributes.Value("purchases_12m", "2", second));

        EventsHandled next = EventsHandled.since(registry);
        ingest.ingest(List.of(purchase(tag + "-3", person, now.minus(10, ChronoUnit.DAYS))));
        next.await();
        java.util.Map<DerivedAttributes.Value, UUID> after = rows(person);

        // Both purchases of long ago lapsed before the new one: their values stay, on the same rows.
        assertThat(after).containsEntry(new DerivedAttributes.Value("purchases_12m", "1", first),
                before.get(new DerivedAttributes.Value("purchases_12m", "1", first)));
        before.forEach((value, id) -> {
            if (after.containsKey(value)) {
                assertThat(after.get(value)).as("the row of %s", value).isEqualTo(id);
            }
        });
        assertThat(after).containsKey(new DerivedAttributes.Value("purchases_12m", "1", now.minus(10, ChronoUnit.DAYS)));
        assertThat(after.keySet()).containsExactlyInAnyOrderElementsOf(derived.of(person));
        assertThat(after.values()).doesNotHaveDuplicates();
        assertThat(after).hasSizeGreaterThan(before.size());
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
