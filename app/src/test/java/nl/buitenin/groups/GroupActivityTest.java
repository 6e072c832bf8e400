package nl.buitenin.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import nl.buitenin.insight.text.DemandReading;
import nl.buitenin.insight.text.DemandType;
import nl.buitenin.insight.text.FailureKind;
import nl.buitenin.journey.InteractionKind;
import nl.buitenin.journey.internal.InteractionIngest;
import nl.buitenin.journey.internal.NewInteraction;
import nl.buitenin.listening.internal.answers.JdbcResponses;
import nl.buitenin.listening.internal.answers.ResponseChannel;
import nl.buitenin.listening.internal.answers.ResponseStatus;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.SmallCellRule;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.Unique;
import nl.buitenin.testing.VisibleText;
import nl.buitenin.textinsight.internal.DemandReadings;

/**
 * Volumes, failure demand and response rates per group against a set built by hand: each interaction, read contact and
 * invitation counts in the group its person was in at its moment (one member moves from A to B on 1 February and their
 * February events land in B), non-members and events outside the period count nowhere, a group of two people is
 * hidden. The Wilson intervals are computed here in the closed form of Wilson (1927), (h + z²/2 ± z·√(h(n−h)/n + z²/4))
 * / (n + z²), and checked against the published values for 2 of 6 (9.7 % … 70.0 %).
 */
@DatabaseTest
@AutoConfigureMockMvc
class GroupActivityTest {

    private static final double Z = 1.959963984540054;

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    SmallCellRule smallCells;
    @Autowired
    InteractionIngest ingest;
    @Autowired
    DemandReadings demand;
    @Autowired
    JdbcResponses responses;

    @Test
    void eachEventCountsInTheGroupOfItsMomentWithWilsonIntervals() throws Exception {
        assertThat(smallCells.k()).as("the set below is built for the default small-cell rule").isEqualTo(5);
        GroupsFixture fixture = GroupsFixture.in(context, mvc);
        String split = Unique.name("tempo");
        GroupId a = fixture.group("CHOSEN", split, null);
        GroupId b = fixture.group("CHOSEN", split, null);
        GroupId few = fixture.group("CHOSEN", null, null);
        List<PersonKey> x = fixture.people(6);
        List<PersonKey> y = fixture.people(6);
        List<PersonKey> z = fixture.people(2);
        PersonKey outsider = fixture.person();
        // Recent days: data past the purpose's retention (24 months) may not be read.
        LocalDate first = LocalDate.now(ZoneOffset.UTC).minusDays(70);
        LocalDate last = first.plusDays(59);
        Instant joined = first.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant moved = joined.plus(Duration.ofDays(30));
        String tag = Unique.name("act");
        List<String[]> joins = new ArrayList<>();
        joins.addAll(GroupsFixture.joining(tag, x, a, joined.toString()));
        joins.addAll(GroupsFixture.joining(tag, y, b, joined.toString()));
        joins.addAll(GroupsFixture.joining(tag, z, few, joined.toString()));
        joins.add(new String[] {tag + "move", x.get(0).value(), b.toString(), moved.toString()});
        fixture.memberships(joins);

        // "january" before the move, "february" after it, "march" after the period's last day.
        Instant january = joined.plus(Duration.ofDays(9)).plus(Duration.ofHours(12));
        Instant february = joined.plus(Duration.ofDays(40)).plus(Duration.ofHours(12));
        Instant march = joined.plus(Duration.ofDays(64)).plus(Duration.ofHours(12));

        // Volumes: A 6 interactions of 6 people; B 2 each of y and x0's February one: 13 of 7 people; the few group 2.
        List<NewInteraction> interactions = new ArrayList<>();
        x.forEach(p -> interactions.add(interaction(fixture, p, january)));
        y.forEach(p -> {
            interactions.add(interaction(fixture, p, january));
            interactions.add(interaction(fixture, p, january.plus(Duration.ofDays(3))));
        });
        interactions.add(interaction(fixture, x.get(0), february));
        z.forEach(p -> interactions.add(interaction(fixture, p, january)));
        interactions.add(interaction(fixture, outsider, january));
        interactions.add(interaction(fixture, x.get(1), march));
        ingest.recordValid(interactions);

        // Failure demand: A 2 of 6 (x0, x1 in January); B 1 of 6 in January plus x0's February failure: 2 of 7.
        List<DemandReadings.Read> reads = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            reads.add(read(fixture, x.get(i), january, i < 2));
            reads.add(read(fixture, y.get(i), january, i < 1));
        }
        reads.add(read(fixture, x.get(0), february, true));
        z.forEach(p -> reads.add(read(fixture, p, january, true)));
        reads.add(read(fixture, outsider, january, true));
        reads.add(read(fixture, y.get(3), march, true));
        demand.add(reads);

        // Response rates: A 4 of 6 answered; B 3 of 6 in January plus x0's unanswered February invitation: 3 of 7.
        for (int i = 0; i < 6; i++) {
            invite(fixture, x.get(i), january, i < 4);
            invite(fixture, y.get(i), january, i < 3);
        }
        invite(fixture, x.get(0), february, false);
        z.forEach(p -> invite(fixture, p, january, true));
        invite(fixture, outsider, january, true);
        invite(fixture, y.get(4), march, true);

        String json = mvc.perform(get("/api/v1/groups/activity").param("from", first.toString()).param("to", last.toString()).with(user(fixture.analyst)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Map<String, Object> ofA = group(json, a);
        Map<String, Object> ofB = group(json, b);
        Map<String, Object> ofFew = group(json, few);

        assertFigure(ofA, "interactions", 6, null, 6);
        assertFigure(ofB, "interactions", 13, null, 7);
        assertFigure(ofA, "failureDemand", 6, 2L, 6);
        assertFigure(ofB, "failureDemand", 7, 2L, 7);
        assertFigure(ofA, "responseRate", 6, 4L, 6);
        assertFigure(ofB, "responseRate", 7, 3L, 7);
        assertWilson(ofA, "failureDemand", 2, 6);
        assertWilson(ofB, "failureDemand", 2, 7);
        assertWilson(ofA, "responseRate", 4, 6);
        assertWilson(ofB, "responseRate", 3, 7);
        // The published Wilson interval of 2 of 6.
        assertThat(number(ofA, "failureDemand", "lower")).isCloseTo(9.68, within(0.01));
        assertThat(number(ofA, "failureDemand", "upper")).isCloseTo(70.00, within(0.01));
        assertThat(number(ofA, "interactions", "share")).isNull();

        // The page: A's failure demand 2 of 6 as 33 % (10 % – 70 %), B's 13 interactions of 7 people, in both languages.
        for (String language : List.of("nl", "en")) {
            String html = mvc.perform(get("/groups").param("from", first.toString()).param("to", last.toString())
                    .with(user(language.equals("nl") ? fixture.analystNl : fixture.analyst)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            String text = VisibleText.of(html);
            assertThat(VisibleText.problems(html)).as(language).isEmpty();
            assertThat(VisibleText.codesInText(text)).as(language).isEmpty();
            assertThat(text).contains("(10 % – 70 %, n = 6)", "(8 % – 64 %, n = 7)", "(30 % – 90 %, n = 6)",
                    language.equals("nl") ? "Faalvraag" : "Failure demand", language.equals("nl") ? "(van 7 mensen)" : "(of 7 people)");
        }

        for (String figure : List.of("interactions", "failureDemand", "responseRate")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> hidden = (Map<String, Object>) ofFew.get(figure);
            assertThat(hidden).as(figure).containsEntry("hidden", true).containsEntry("fewerThan", 5).containsEntry("n", null);
        }
    }

    @Test
    void analystsAndAdministratorsReadAgentsAreRefusedAndAWrongDateIsNamed() throws Exception {
        GroupsFixture fixture = GroupsFixture.in(context, mvc);
        mvc.perform(get("/api/v1/groups/activity").with(user(fixture.admin))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/groups/activity").with(user(fixture.agent))).andExpect(status().isForbidden());
        String refused = mvc.perform(get("/api/v1/groups/activity").param("from", "1 maart").with(user(fixture.analyst))
                .header("Accept-Language", "nl")).andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("\"from\"", "'1 maart' is geen datum; schrijf die als 2026-03-01.");
    }

    private static NewInteraction interaction(GroupsFixture fixture, PersonKey person, Instant at) {
        return new NewInteraction("act-" + UUID.randomUUID(), fixture.touchpoint(), at, person, InteractionKind.CONTACT);
    }

    private static DemandReadings.Read read(GroupsFixture fixture, PersonKey person, Instant at, boolean failure) {
        DemandReading reading = failure ? new DemandReading(DemandType.FAILURE, FailureKind.CHASING, new DemandReading.Why("nagevraagd", "chased"))
                : new DemandReading(DemandType.VALUE, null, new DemandReading.Why("vraag", "question"));
        return new DemandReadings.Read("act-contact:" + UUID.randomUUID(), person, fixture.touchpoint(), at, reading);
    }

    private void invite(GroupsFixture fixture, PersonKey person, Instant at, boolean answered) {
        responses.create(fixture.survey(), fixture.touchpoint(), person, "act-invite:" + UUID.randomUUID(), ResponseChannel.EMAIL, "nl",
                answered ? ResponseStatus.COMPLETED : ResponseStatus.INVITED, at, at.plus(Duration.ofDays(14)));
    }

    private static Map<String, Object> group(String json, GroupId id) {
        List<Map<String, Object>> found = JsonPath.read(json, "$.groups[?(@.group == '" + id + "')]");
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    @SuppressWarnings("unchecked")
    private static void assertFigure(Map<String, Object> group, String figure, long n, Long hits, long people) {
        Map<String, Object> f = (Map<String, Object>) group.get(figure);
        assertThat(((Number) f.get("n")).longValue()).as(figure + " n").isEqualTo(n);
        assertThat(f.get("hits") == null ? null : ((Number) f.get("hits")).longValue()).as(figure + " hits").isEqualTo(hits);
        assertThat(((Number) f.get("people")).longValue()).as(figure + " people").isEqualTo(people);
        assertThat(f.get("hidden")).isEqualTo(false);
    }

    private static void assertWilson(Map<String, Object> group, String figure, long h, long n) {
        double z2 = Z * Z;
        double root = Z * Math.sqrt((double) h * (n - h) / n + z2 / 4);
        assertThat(number(group, figure, "share")).isCloseTo(100.0 * h / n, within(1e-9));
        assertThat(number(group, figure, "lower")).isCloseTo(100 * (h + z2 / 2 - root) / (n + z2), within(1e-9));
        assertThat(number(group, figure, "upper")).isCloseTo(100 * (h + z2 / 2 + root) / (n + z2), within(1e-9));
    }

    @SuppressWarnings("unchecked")
    private static Double number(Map<String, Object> group, String figure, String field) {
        Object value = ((Map<String, Object>) group.get(figure)).get(field);
        return value == null ? null : ((Number) value).doubleValue();
    }

}
