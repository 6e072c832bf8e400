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
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.test.web.servlet.MockMvc;

import nl.buitenin.groups.internal.DerivedAttributes;
import nl.buitenin.groups.internal.ComputedAttributes;
import nl.buitenin.groups.internal.JdbcMemberships;
import nl.buitenin.groups.internal.RuleMemberships;
import nl.buitenin.journey.InteractionKind;
import nl.buitenin.journey.internal.InteractionIngest;
import nl.buitenin.journey.internal.InteractionInput;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.internal.AccessLog;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.EventsHandled;

/**
 * Evaluating the rules after the interactions of many people in one call (as an event of interactions does, a few
 * hundred people per statement, their attributes computed from their interactions) gives exactly what evaluating each
 * of them alone gives: every kind of person is there twice with the same interactions, one twin evaluated alone, the
 * other among all the others, and the twins' computed attributes, rule memberships and access-log rows must be the same
 * — besides what is known by hand of each kind. On H2 and PostgreSQL.
 */
@DatabaseTest
@AutoConfigureMockMvc
class DerivingManyPeopleAtOnceTest {

    private static final List<String> KINDS = List.of("long", "short", "empty", "old", "unchanged");

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    InteractionIngest ingest;
    @Autowired
    RuleMemberships rules;
    @Autowired
    ComputedAttributes computed;
    @Autowired
    JdbcMemberships memberships;
    @Autowired
    AccessLog accessLog;
    @Autowired
    EventPublicationRegistry registry;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void evaluatingManyPeopleAtOnceGivesWhatEvaluatingEachAloneGives() throws Exception {
        GroupsFixture fixture = GroupsFixture.in(context, mvc);
        GroupId regulars = fixture.group("RULE", null, "purchases_12m >= 2");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Map<String, PersonKey> alone = new LinkedHashMap<>();
        Map<String, PersonKey> together = new LinkedHashMap<>();
        KINDS.forEach(kind -> {
            alone.put(kind, fixture.person());
            together.put(kind, fixture.person());
        });
        List<InteractionInput> stored = new ArrayList<>();
        for (Map<String, PersonKey> twins : List.of(alone, together)) {
            twins.forEach((kind, person) -> history(kind, now).forEach((at, what) -> stored.add(new InteractionInput(
                    "many-" + tag + "-" + person.value() + "-" + at.getEpochSecond(), fixture.touchpoint().toString(),
                    OffsetDateTime.ofInstant(at, ZoneOffset.UTC).toString(), person.value(), what.name()))));
        }
        EventsHandled handled = EventsHandled.since(registry);
        ingest.ingest(stored);
        handled.await();
        // The event evaluated them all; everybody but the unchanged kind loses their rule memberships again, so that the
        // calls below have something to make.
        for (Map<String, PersonKey> twins : List.of(alone, together)) {
            twins.forEach((kind, person) -> {
                if (!kind.equals("unchanged")) {
                    jdbc.update("delete from groups_membership where origin = 'RULE' and person_key = ?", person.value());
                }
            });
        }

        for (String kind : KINDS) {
            rules.evaluateAfterInteractions(Map.of(alone.get(kind), whole(latest(kind, now))));
        }
        Map<PersonKey, RuleMemberships.NewInteractions> all = new LinkedHashMap<>();
        KINDS.forEach(kind -> all.put(together.get(kind), whole(latest(kind, now))));
        rules.evaluateAfterInteractions(all);

        for (String kind : KINDS) {
            PersonKey one = alone.get(kind);
            PersonKey other = together.get(kind);
            assertThat(values(other)).as(kind).isEqualTo(values(one));
            assertThat(ruleMemberships(other)).as(kind).isEqualTo(ruleMemberships(one));
            assertThat(logged(other)).as(kind).isEqualTo(logged(one));
        }
        // By hand: the channel and product from the first interaction on (all at one touchpoint), the purchases counted.
        assertThat(values(together.get("short"))).filteredOn(v -> !DerivedAttributes.COUNTS.contains(v.name()))
                .extracting(DerivedAttributes.Value::name, DerivedAttributes.Value::from)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("channel", now.minus(300, ChronoUnit.DAYS)),
                        org.assertj.core.groups.Tuple.tuple("product", now.minus(300, ChronoUnit.DAYS)));
        assertThat(customerGroupsAt(together.get("short"), now.minus(10, ChronoUnit.DAYS).minusSeconds(1))).doesNotContain(regulars);
        assertThat(customerGroupsAt(together.get("short"), now)).contains(regulars);
        assertThat(customerGroupsAt(together.get("long"), now)).contains(regulars);
        assertThat(values(together.get("empty"))).isEmpty();
        assertThat(ruleMemberships(together.get("empty"))).isEmpty();
        // The old one is past the purpose's retention (24 months): refused, so never evaluated, though its purchases counted.
        assertThat(ruleMemberships(together.get("old"))).isEmpty();
        assertThat(customerGroupsAt(together.get("unchanged"), now.minus(50, ChronoUnit.DAYS).minusSeconds(1))).doesNotContain(regulars);
        assertThat(customerGroupsAt(together.get("unchanged"), now.minus(50, ChronoUnit.DAYS))).contains(regulars);
        // The event logged a read of everybody with interactions; the calls one of everybody (the old one refused).
        assertThat(logged(together.get("long"))).containsExactly("read", "read");
        assertThat(logged(together.get("empty"))).containsExactly("read");
        assertThat(logged(together.get("old"))).containsExactly("RETENTION_PASSED", "RETENTION_PASSED");

        // Handled twice, the same memberships: one more read each is logged.
        Map<PersonKey, List<String>> membershipsBefore = new LinkedHashMap<>();
        all.keySet().forEach(p -> membershipsBefore.put(p, ruleMemberships(p)));
        rules.evaluateAfterInteractions(all);
        all.keySet().forEach(p -> assertThat(ruleMemberships(p)).isEqualTo(membershipsBefore.get(p)));
        assertThat(logged(together.get("long"))).containsExactly("read", "read", "read");
    }

    /** New interactions from the beginning of time to {@code latest}: the whole history evaluated, whatever the rules. */
    private static RuleMemberships.NewInteractions whole(Instant latest) {
        return new RuleMemberships.NewInteractions(Instant.EPOCH, latest);
    }

    /** The person's attributes computed from their interactions, without the source ids that name the person. */
    private List<DerivedAttributes.Value> values(PersonKey person) {
        return computed.timelines(List.of(person)).getOrDefault(person, List.of()).stream()
                .map(a -> new DerivedAttributes.Value(a.name(), a.value(), a.from())).toList();
    }

    /** A kind of person's interactions: moment and kind. */
    private static Map<Instant, InteractionKind> history(String kind, Instant now) {
        Map<Instant, InteractionKind> history = new LinkedHashMap<>();
        switch (kind) {
            case "long" -> {
                InteractionKind[] kinds = {InteractionKind.PURCHASE, InteractionKind.CONTACT, InteractionKind.VISIT, InteractionKind.SEARCH};
                for (int i = 0; i < 150; i++) {
                    history.put(now.minus(i * 5L, ChronoUnit.DAYS).minus(i, ChronoUnit.HOURS), kinds[i % kinds.length]);
                }
            }
            case "short" -> {
                history.put(now.minus(300, ChronoUnit.DAYS), InteractionKind.PURCHASE);
                history.put(now.minus(10, ChronoUnit.DAYS), InteractionKind.PURCHASE);
            }
            case "old" -> {
                history.put(now.minus(900, ChronoUnit.DAYS), InteractionKind.PURCHASE);
                history.put(now.minus(800, ChronoUnit.DAYS), InteractionKind.PURCHASE);
            }
            case "unchanged" -> {
                history.put(now.minus(100, ChronoUnit.DAYS), InteractionKind.PURCHASE);
                history.put(now.minus(50, ChronoUnit.DAYS), InteractionKind.PURCHASE);
            }
            default -> {
            }
        }
        return history;
    }

    /** The moment of a kind of person's latest interaction (a day ago for the one without any). */
    private static Instant latest(String kind, Instant now) {
        return history(kind, now).keySet().stream().max(Comparator.naturalOrder()).orElse(now.minus(1, ChronoUnit.DAYS));
    }

    /** The person's memberships made by rules, without their ids: group, from, to. */
    private List<String> ruleMemberships(PersonKey person) {
        return memberships.of(person).stream().filter(m -> m.origin() == nl.buitenin.groups.internal.Membership.Origin.RULE)
                .map(m -> m.group() + " " + m.from() + " " + m.to()).sorted().toList();
    }

    private java.util.Set<GroupId> customerGroupsAt(PersonKey person, Instant at) {
        return memberships.of(person, at);
    }

    /** The person's access-log rows of deriving, oldest first: "read" or the reason of the refusal. */
    private List<String> logged(PersonKey person) {
        List<String> rows = new ArrayList<>(accessLog.about(person).stream().filter(e -> e.what().equals("interactions for derived attributes"))
                .map(e -> e.purpose().value() + ":" + (e.refusal() == null ? "read" : e.refusal())).toList());
        java.util.Collections.reverse(rows);
        return rows.stream().map(r -> r.substring(r.indexOf(':') + 1)).toList();
    }
}
