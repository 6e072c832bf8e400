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
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import nl.buitenin.groups.internal.SplitComparison;
import nl.buitenin.groups.internal.SplitEconomics;
import nl.buitenin.groups.internal.SplitGains;
import nl.buitenin.journey.InteractionKind;
import nl.buitenin.journey.internal.InteractionIngest;
import nl.buitenin.journey.internal.NewInteraction;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.SmallCellRule;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.Unique;
import nl.buitenin.testing.VisibleText;

/**
 * Repeat purchase and retention per group of a split, before against after, on a set built by hand. The periods are
 * 28 days each: "earlier" [split − 56 d, split − 28 d), "before" [split − 28 d, split), "after" [split, split + 28 d).
 * <p>
 * Group A (8 people): contacts earlier by a0…a5; in "before" a0, a1, a2, a6, a7 each buy (a0 and a1 twice); in "after"
 * a0, a1, a2, a3, a6 each buy (a0…a3 twice); a2 also has a contact before, which is no purchase. So repeat purchase goes from 2 of 5 to 4 of 5, and retention from 3 of 6
 * (of a0…a5, a0…a2 came back before the split) to 4 of 5 (of a0, a1, a2, a6, a7, all but a7 came back). Group B has three
 * people active and buying in every period (twice before, once after): every side is hidden by the small-cell rule (5).
 * Everyone in the split adds B: repeat purchase 5 of 8 → 4 of 8, retention 6 of 9 → 7 of 8. A non-member's interactions
 * and a purchase after the period count nowhere.
 * <p>
 * Wilson 95 % intervals (Wilson 1927, z = 1.959964; 2 of 5 is 11.8 … 76.9 % as published) and Newcombe's method-10
 * differences with the pooled two-proportion test, worked out by hand for this set: A's repeat purchase +40 pp
 * (−16.26 … +72.64, p 0.197), A's retention +30 pp (−22.70 … +65.27, p 0.303), everyone's retention +20.83 pp
 * (−19.77 … +53.72, p 0.312), everyone's repeat purchase −12.5 pp (−49.62 … +30.28, p 0.614).
 */
@DatabaseTest
@AutoConfigureMockMvc
class SplitGainsTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    SmallCellRule smallCells;
    @Autowired
    InteractionIngest ingest;
    @Autowired
    SplitComparison comparison;
    @Autowired
    SplitGains gains;

    @Test
    void repeatPurchaseAndRetentionPerGroupBeforeAndAfterTheSplit() throws Exception {
        assertThat(smallCells.k()).as("the set below is built for the default small-cell rule").isEqualTo(5);
        GroupsFixture fixture = GroupsFixture.in(context, mvc);
        String split = Unique.name("gains");
        GroupId a = fixture.group("CHOSEN", split, null);
        GroupId b = fixture.group("CHOSEN", split, null);
        List<PersonKey> as = fixture.people(8);
        List<PersonKey> bs = fixture.people(3);
        PersonKey outsider = fixture.person();
        // Recent days: data past the purpose's retention (24 months) may not be read.
        Instant at = LocalDate.now(ZoneOffset.UTC).minusDays(40).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant beforeFrom = at.minus(Duration.ofDays(28));
        Instant afterTo = at.plus(Duration.ofDays(28));
        String tag = Unique.name("gain");
        List<String[]> joins = new ArrayList<>();
        joins.addAll(GroupsFixture.joining(tag, as, a, at.toString()));
        joins.addAll(GroupsFixture.joining(tag, bs, b, at.toString()));
        fixture.memberships(joins);

        Instant earlier = beforeFrom.minus(Duration.ofDays(10));
        Instant before = beforeFrom.plus(Duration.ofDays(10));
        Instant after = at.plus(Duration.ofDays(10));
        List<NewInteraction> interactions = new ArrayList<>();
        for (int i = 0; i <= 5; i++) {
            interactions.add(interaction(fixture, as.get(i), earlier, InteractionKind.CONTACT));
        }
        for (int i : new int[] {0, 1, 2, 6, 7}) {
            buy(fixture, interactions, as.get(i), before, i <= 1 ? 2 : 1);
        }
        for (int i : new int[] {0, 1, 2, 3, 6}) {
            buy(fixture, interactions, as.get(i), after, i <= 3 ? 2 : 1);
        }
        // A contact is no purchase: a2 stays a one-time buyer before the split.
        interactions.add(interaction(fixture, as.get(2), before.plus(Duration.ofDays(5)), InteractionKind.CONTACT));
        for (PersonKey p : bs) {
            interactions.add(interaction(fixture, p, earlier, InteractionKind.CONTACT));
            buy(fixture, interactions, p, before, 2);
            buy(fixture, interactions, p, after, 1);
        }
        interactions.add(interaction(fixture, as.get(7), afterTo.plus(Duration.ofDays(1)), InteractionKind.PURCHASE));
        buy(fixture, interactions, outsider, before, 2);
        buy(fixture, interactions, outsider, after, 2);
        ingest.recordValid(interactions);

        SplitGains.Result result = gains.of(comparison.compare(split, beforeFrom, at, afterTo, null));
        SplitGains.GroupGains ofA = result.of(a);
        SplitGains.GroupGains ofB = result.of(b);

        assertSide(ofA.repeatPurchase().before(), 2, 5, 40.0, 11.7621, 76.9276);
        assertSide(ofA.repeatPurchase().after(), 4, 5, 80.0, 37.5535, 96.3776);
        assertChange(ofA.repeatPurchase().change(), 40.0, -16.2615, 72.6436, 0.1967);
        assertSide(ofA.retention().before(), 3, 6, 50.0, 18.7616, 81.2384);
        assertSide(ofA.retention().after(), 4, 5, 80.0, 37.5535, 96.3776);
        assertChange(ofA.retention().change(), 30.0, -22.7024, 65.2713, 0.3031);

        for (SplitGains.Gain gain : List.of(ofB.repeatPurchase(), ofB.retention())) {
            assertThat(gain.before().hidden()).isTrue();
            assertThat(gain.after().hidden()).isTrue();
            assertThat(gain.before().n()).isZero();
            assertThat(gain.change()).isNull();
        }

        SplitGains.GroupGains everyone = result.everyone();
        assertSide(everyone.repeatPurchase().before(), 5, 8, 62.5, 30.5742, 86.3156);
        assertSide(everyone.repeatPurchase().after(), 4, 8, 50.0, 21.5216, 78.4784);
        assertChange(everyone.repeatPurchase().change(), -12.5, -49.6241, 30.2817, 0.6143);
        assertSide(everyone.retention().before(), 6, 9, 66.6667, 35.4202, 87.9416);
        assertSide(everyone.retention().after(), 7, 8, 87.5, 52.9112, 97.7583);
        assertChange(everyone.retention().change(), 20.8333, -19.7747, 53.7206, 0.3121);

        // The same through the API and on the page, in Dutch and English (four weeks either side of the split's day).
        String day = at.atZone(ZoneOffset.UTC).toLocalDate().toString();
        String json = mvc.perform(get("/api/v1/groups/economics").param("split", split).param("date", day).param("weeks", "4")
                .with(user(fixture.analyst))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Object> ofAJson = JsonPath.read(json, "$.gains.groups[?(@.group == '" + a + "')].repeatPurchase.after.hits");
        assertThat(ofAJson).containsExactly(4);
        assertThat((Integer) JsonPath.read(json, "$.gains.everyone.retention.before.n")).isEqualTo(9);
        List<Object> hiddenB = JsonPath.read(json, "$.gains.groups[?(@.group == '" + b + "')].retention.after.hidden");
        assertThat(hiddenB).containsExactly(true);
        for (String language : List.of("nl", "en")) {
            String html = mvc.perform(get("/groups/economics").param("split", split).param("date", day).param("weeks", "4")
                    .with(user(language.equals("nl") ? fixture.analystNl : fixture.analyst))).andExpect(status().isOk()).andReturn()
                    .getResponse().getContentAsString();
            String text = VisibleText.of(html);
            assertThat(VisibleText.problems(html)).as(language).isEmpty();
            assertThat(VisibleText.codesInText(text)).as(language).isEmpty();
            assertThat(text).as(language).contains(language.equals("nl") ? "4 van 5: 80 % (38 … 96 %)" : "4 of 5: 80 % (38 … 96 %)",
                    language.equals("nl") ? "Iedereen in de splitsing" : "Everyone in the split",
                    language.equals("nl") ? "te weinig mensen" : "too few people", "+40 pp");
        }
    }

    private static void assertSide(SplitGains.Side side, long hits, long n, double share, double lower, double upper) {
        assertThat(side.hidden()).isFalse();
        assertThat(side.hits()).isEqualTo(hits);
        assertThat(side.n()).isEqualTo(n);
        assertThat(side.share().value()).isCloseTo(share, within(1e-3));
        assertThat(side.share().lower()).isCloseTo(lower, within(1e-3));
        assertThat(side.share().upper()).isCloseTo(upper, within(1e-3));
    }

    private static void assertChange(SplitEconomics.Change change, double value, double lower, double upper, double p) {
        assertThat(change.value()).isCloseTo(value, within(1e-3));
        assertThat(change.lower()).isCloseTo(lower, within(1e-3));
        assertThat(change.upper()).isCloseTo(upper, within(1e-3));
        assertThat(change.pValue()).isCloseTo(p, within(1e-3));
    }

    private static void buy(GroupsFixture fixture, List<NewInteraction> interactions, PersonKey person, Instant at, int times) {
        for (int i = 0; i < times; i++) {
            interactions.add(interaction(fixture, person, at.plus(Duration.ofDays(i)), InteractionKind.PURCHASE));
        }
    }

    private static NewInteraction interaction(GroupsFixture fixture, PersonKey person, Instant at, InteractionKind kind) {
        return new NewInteraction("gain-" + UUID.randomUUID(), fixture.touchpoint(), at, person, kind);
    }

}
