package nl.buitenin.groups;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.test.web.servlet.MockMvc;

import nl.buitenin.groups.internal.AttributeInput;
import nl.buitenin.groups.internal.GroupWork;
import nl.buitenin.groups.internal.JdbcGroups;
import nl.buitenin.groups.internal.JdbcMemberships;
import nl.buitenin.groups.internal.RuleMemberships;
import nl.buitenin.journey.Channel;
import nl.buitenin.journey.InteractionKind;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.internal.InteractionIngest;
import nl.buitenin.journey.internal.InteractionInput;
import nl.buitenin.journey.internal.JdbcJourneys;
import nl.buitenin.journey.internal.Names;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.EventsHandled;
import nl.buitenin.testing.Unique;

/**
 * The listener evaluates the rules over attributes derived from interactions after each batch: after a feed in time
 * order and a batch that comes late for the past, a rule over the channel holds where the interactions say, and rules
 * over a sent attribute with a derived one, and over a count, hold where evaluating them again from scratch says. On H2
 * and PostgreSQL.
 */
@DatabaseTest
@AutoConfigureMockMvc
class DerivingFromNewInteractionsTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    InteractionIngest ingest;
    @Autowired
    JdbcJourneys journeys;
    @Autowired
    EventPublicationRegistry registry;
    @Autowired
    GroupWork groupWork;
    @Autowired
    JdbcGroups groupsStore;
    @Autowired
    RuleMemberships rules;
    @Autowired
    JdbcMemberships memberships;

    private record Planned(PersonKey person, TouchpointId touchpoint, InteractionKind kind, Instant at) {
    }

    /**
     * A feed in time order in four batches and a fifth of the interactions sent late: the memberships the listener made
     * of a group by the rule {@code channel = web} are the stretches worked out here from the interactions themselves
     * (from each interaction on the web that follows one elsewhere, to the next one elsewhere).
     */
    @Test
    void aRuleOverTheChannelHoldsWhereTheInteractionsSay() throws Exception {
        GroupsFixture fixture = GroupsFixture.in(context, mvc);
        // Other tests' groups by a rule over a count would have the listener evaluate everybody anyway: retired, so that
        // the rule over the channel alone has to set it off.
        groupsStore.activeRules().forEach(g -> groupWork.retire(g.id()));
        TouchpointId shop = webShop();
        List<TouchpointId> touchpoints = List.of(fixture.touchpoint(), shop);
        GroupId online = fixture.group("RULE", null, "channel = web");
        Random random = new Random(61206L);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // Within the purpose's 24 months, so that every person may be read.
        Instant start = now.minus(690, ChronoUnit.DAYS);
        List<PersonKey> people = fixture.people(40);
        List<Planned> planned = new ArrayList<>();
        for (PersonKey person : people) {
            // Distinct moments per person: which of two interactions at one moment comes last is not the point here.
            java.util.Set<Integer> hours = new java.util.TreeSet<>();
            for (int i = random.nextInt(25); i > 0; i--) {
                hours.add(random.nextInt(680 * 24));
            }
            for (int hour : hours) {
                planned.add(new Planned(person, touchpoints.get(random.nextInt(2)),
                        InteractionKind.values()[random.nextInt(InteractionKind.values().length)], start.plus(hour, ChronoUnit.HOURS)));
            }
        }
        List<Planned> late = new ArrayList<>();
        List<Planned> feed = new ArrayList<>();
        planned.forEach(p -> (random.nextInt(5) == 0 ? late : feed).add(p));
        feed.sort(Comparator.comparing(Planned::at));
        String tag = UUID.randomUUID().toString().substring(0, 8);
        int quarter = feed.size() / 4 + 1;
        for (int from = 0; from < feed.size(); from += quarter) {
            send(feed.subList(from, Math.min(feed.size(), from + quarter)), tag);
        }
        send(late, tag);

        Map<PersonKey, List<String>> expected = new LinkedHashMap<>();
        for (PersonKey person : people) {
            List<Planned> mine = planned.stream().filter(p -> p.person().equals(person)).sorted(Comparator.comparing(Planned::at)).toList();
            List<String> stretches = new ArrayList<>();
            Instant in = null;
            for (Planned p : mine) {
                boolean web = p.touchpoint().equals(shop);
                if (web && in == null) {
                    in = p.at();
                } else if (!web && in != null) {
                    stretches.add(online + " " + in + " " + p.at());
                    in = null;
                }
            }
            if (in != null) {
                stretches.add(online + " " + in + " null");
            }
            expected.put(person, stretches.stream().sorted().toList());
        }
        assertThat(expected.values().stream().mapToInt(List::size).sum()).as("stretches worked out").isGreaterThan(40);
        assertThat(ruleMemberships(people, List.of(online))).isEqualTo(expected);
    }

    /**
     * The memberships the listener made, batch after batch with attributes sent in between, equal those made by
     * evaluating the rules again for everybody at the end, for a rule over a sent attribute and a derived one together and
     * a rule over a count.
     */
    @Test
    void theRulesSeeTheAttributesAsTheyAreAfterTheChange() throws Exception {
        GroupsFixture fixture = GroupsFixture.in(context, mvc);
        List<TouchpointId> touchpoints = List.of(fixture.touchpoint(), webShop());
        GroupId briskOnline = fixture.group("RULE", null, "pace = brisk and channel = web");
        GroupId frequent = fixture.group("RULE", null, "purchases_12m >= 2");
        Random random = new Random(61207L);
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(690, ChronoUnit.DAYS);
        List<PersonKey> people = fixture.people(30);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<Planned> planned = new ArrayList<>();
        for (PersonKey person : people) {
            for (int i = random.nextInt(12); i > 0; i--) {
                planned.add(new Planned(person, touchpoints.get(random.nextInt(2)),
                        InteractionKind.values()[random.nextInt(InteractionKind.values().length)],
                        start.plus(random.nextInt(680 * 24), ChronoUnit.HOURS)));
            }
        }
        planned.sort(Comparator.comparing(Planned::at));
        int third = planned.size() / 3 + 1;
        for (int from = 0, round = 0; from < planned.size(); from += third, round++) {
            // Between the batches, each person's pace as another system sends it, at moments of its own.
            List<AttributeInput> paces = new ArrayList<>();
            for (PersonKey person : people) {
                paces.add(new AttributeInput("pace-" + tag + "-" + round + "-" + person.value(), person.value(), "pace",
                        random.nextBoolean() ? "brisk" : "calm",
                        OffsetDateTime.ofInstant(start.plus(random.nextInt(680 * 24), ChronoUnit.HOURS), ZoneOffset.UTC).toString()));
            }
            assertThat(groupWork.attributes(paces).rejected()).isZero();
            send(planned.subList(from, Math.min(planned.size(), from + third)), tag);
        }

        Map<PersonKey, List<String>> byTheListener = ruleMemberships(people, List.of(briskOnline, frequent));
        assertThat(byTheListener.values().stream().flatMap(List::stream).filter(m -> m.startsWith(briskOnline.toString())).count())
                .as("stretches of the rule over pace and channel").isGreaterThan(5);
        assertThat(byTheListener.values().stream().flatMap(List::stream).filter(m -> m.startsWith(frequent.toString())).count())
                .as("stretches of the rule over a count").isGreaterThan(5);
        rules.evaluate(people);
        assertThat(ruleMemberships(people, List.of(briskOnline, frequent))).isEqualTo(byTheListener);
    }

    /**
     * With only rules over counts active, the listener evaluates each person from their earliest new interaction on,
     * from the 12 months before it, and keeps the memberships before it: after a feed in time order over two years in
     * six batches and a batch sent late for the past, the memberships equal those of evaluating the whole histories again
     * for everybody (the path a rule made or changed takes). Among the rules one over a sent attribute and a count.
     */
    @Test
    void fromTheEarliestNewInteractionOnTheCountRulesHoldWhereTheWholeHistorySays() throws Exception {
        GroupsFixture fixture = GroupsFixture.in(context, mvc);
        groupsStore.activeRules().forEach(g -> groupWork.retire(g.id()));
        TouchpointId touchpoint = fixture.touchpoint();
        GroupId frequent = fixture.group("RULE", null, "purchases_12m >= 2");
        GroupId briskAndBusy = fixture.group("RULE", null, "pace = brisk and interactions_12m >= 4");
        Random random = new Random(61208L);
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(700, ChronoUnit.DAYS);
        List<PersonKey> people = fixture.people(30);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<AttributeInput> paces = new ArrayList<>();
        List<Planned> planned = new ArrayList<>();
        for (PersonKey person : people) {
            paces.add(new AttributeInput("pace-" + tag + "-" + person.value(), person.value(), "pace", random.nextBoolean() ? "brisk" : "calm",
                    OffsetDateTime.ofInstant(start.plus(random.nextInt(690), ChronoUnit.DAYS), ZoneOffset.UTC).toString()));
            for (int i = random.nextInt(20); i > 0; i--) {
                InteractionKind kind = random.nextInt(3) == 0 ? InteractionKind.PURCHASE : InteractionKind.VISIT;
                planned.add(new Planned(person, touchpoint, kind, start.plus(random.nextInt(690 * 24), ChronoUnit.HOURS)));
            }
        }
        assertThat(groupWork.attributes(paces).rejected()).isZero();
        List<Planned> late = new ArrayList<>();
        List<Planned> feed = new ArrayList<>();
        planned.forEach(p -> (random.nextInt(6) == 0 ? late : feed).add(p));
        feed.sort(Comparator.comparing(Planned::at));
        int sixth = feed.size() / 6 + 1;
        for (int from = 0; from < feed.size(); from += sixth) {
            send(feed.subList(from, Math.min(feed.size(), from + sixth)), tag);
        }
        send(late, tag);

        Map<PersonKey, List<String>> byTheListener = ruleMemberships(people, List.of(frequent, briskAndBusy));
        assertThat(byTheListener.values().stream().mapToLong(List::size).sum()).as("stretches made by the listener").isGreaterThan(20);
        rules.evaluate(people);
        assertThat(ruleMemberships(people, List.of(frequent, briskAndBusy))).isEqualTo(byTheListener);
    }

    /** Each person's memberships of these groups as group, from and to, in order. */
    private Map<PersonKey, List<String>> ruleMemberships(List<PersonKey> people, List<GroupId> groups) {
        Map<PersonKey, List<String>> byPerson = new LinkedHashMap<>();
        for (PersonKey person : people) {
            byPerson.put(person, memberships.of(person).stream().filter(m -> groups.contains(m.group()))
                    .map(m -> m.group() + " " + m.from() + " " + m.to()).sorted().toList());
        }
        return byPerson;
    }

    /** A touchpoint on the web, in a journey of its own. */
    private TouchpointId webShop() {
        return journeys.addTouchpoint(journeys.addStage(journeys.createJourney(new Names(Unique.name("Fietsreis"),
                Unique.name("Cycling trip"))), new Names("Boeken", "Booking")), new Names(Unique.name("Webwinkel"), Unique.name("Web shop")),
                Channel.WEB, null);
    }

    private void send(List<Planned> batch, String tag) throws InterruptedException {
        List<InteractionInput> items = new ArrayList<>();
        for (Planned p : batch) {
            items.add(new InteractionInput("from-new-" + tag + "-" + items.size() + "-" + p.at().getEpochSecond() + "-" + p.person().value(),
                    p.touchpoint().toString(), OffsetDateTime.ofInstant(p.at(), ZoneOffset.UTC).toString(), p.person().value(),
                    p.kind().name()));
        }
        EventsHandled handled = EventsHandled.since(registry);
        ingest.ingest(items);
        handled.await();
    }
}
