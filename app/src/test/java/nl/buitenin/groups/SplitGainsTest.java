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
 * Repeat purchase and retention per group of a split, before against after, on a set built by hand. The split was 40
 * days ago. Retention compares periods of 28 days each: "earlier" [split − 56 d, split − 28 d), "before" [split − 28 d,
 * split), "after" [split, split + 28 d). Repeat purchase compares the 12 months before the split with the 12 months from
 * it on, of which only the 40 days up to now have passed.
 * <p>
 * Group A (8 people): contacts earlier by a0…a5; in "before" a0, a1, a2, a6, a7 each buy (a0 and a1 twice); in "after"
 * a0, a1, a2, a3, a6 each buy (a0…a3 twice); a2 also has a contact before, which is no purchase, and a purchase 11 months
 * before the split (inside the 12 months, so a2 bought again); a3 bought 13 months before the split (outside them); a7
 * buys 29 days after the split (past the retention weeks, inside the 12 months). So repeat purchase goes from 3 of 5
 * (a0, a1, a2 of a0, a1, a2, a6, a7) to 4 of 6 (a0…a3 of a0…a3, a6, a7), and retention from 3 of 6 (of a0…a5, a0…a2 came
 * back before the split) to 4 of 5 (of a0, a1, a2, a6, a7, all but a7 came back). Group B has three people active and
 * buying in every period (twice before, once after): every side is hidden by the small-cell rule (5). Everyone in the
 * split adds B: repeat purchase 6 of 8 → 4 of 9, retention 6 of 9 → 7 of 8. A non-member's interactions count nowhere.
 * <p>
 * Wilson 95 % intervals (Wilson 1927, z = 1.959964; 2 of 5 is 11.8 … 76.9 % as published) and Newcombe's method-10
 * differences with the pooled two-proportion test, worked out for this set from the closed forms (a few lines of
 * Python beside the code, not the code under test): A's repeat purchase +6.67 pp (−39.61 … +50.52, p 0.819), A's
 * retention +30 pp (−22.70 … +65.27, p 0.303), everyone's retention +20.83 pp (−19.77 … +53.72, p 0.312), everyone's
 * repeat purchase −30.56 pp (−61.74 … +14.12, p 0.201).
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
    @Autowired
    nl.buitenin.organisation.Organisations organisations;

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
        // A contact is no purchase; a2's second purchase before the split is 11 months before it, inside the 12 months.
        interactions.add(interaction(fixture, as.get(2), before.plus(Duration.ofDays(5)), InteractionKind.CONTACT));
        interactions.add(interaction(fixture, as.get(2), at.atZone(ZoneOffset.UTC).minusMonths(11).toInstant(), InteractionKind.PURCHASE));
        // 13 months before the split is outside the 12 months: a3 bought nothing before.
        interactions.add(interaction(fixture, as.get(3), at.atZone(ZoneOffset.UTC).minusMonths(13).toInstant(), InteractionKind.PURCHASE));
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

        assertThat(result.repeatWindow().complete()).as("40 days of the 12 months have passed").isFalse();
        assertThat(result.repeatWindow().monthsAfter()).isEqualTo(1);
        assertThat(result.repeatWindow().from()).as("12 months on the organisation's calendar")
                .isEqualTo(at.atZone(organisations.current().timeZone()).minusMonths(12).toInstant());
        assertSide(ofA.repeatPurchase().before(), 3, 5, 60.0, 23.0724, 88.2379);
        assertSide(ofA.repeatPurchase().after(), 4, 6, 66.6667, 29.9993, 90.3229);
        assertChange(ofA.repeatPurchase().change(), 6.6667, -39.6137, 50.5217, 0.819);
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
        assertSide(everyone.repeatPurchase().before(), 6, 8, 75.0, 40.9275, 92.8521);
        assertSide(everyone.repeatPurchase().after(), 4, 9, 44.4444, 18.8779, 73.3349);
        assertChange(everyone.repeatPurchase().change(), -30.5556, -61.738, 14.1165, 0.2014);
        assertSide(everyone.retention().before(), 6, 9, 66.6667, 35.4202, 87.9416);
        assertSide(everyone.retention().after(), 7, 8, 87.5, 52.9112, 97.7583);
        assertChange(everyone.retention().change(), 20.8333, -19.7747, 53.7206, 0.3121);

        // The same through the API and on the page, in Dutch and English (four weeks either side of the split's day).
        String day = at.atZone(ZoneOffset.UTC).toLocalDate().toString();
        String json = mvc.perform(get("/api/v1/groups/economics").param("split", split).param("date", day).param("weeks", "4")
                .with(user(fixture.analyst))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Object> ofAJson = JsonPath.read(json, "$.gains.groups[?(@.group == '" + a + "')].repeatPurchase.after.hits");
        assertThat(ofAJson).containsExactly(4);
        List<Object> ofAN = JsonPath.read(json, "$.gains.groups[?(@.group == '" + a + "')].repeatPurchase.after.n");
        assertThat(ofAN).containsExactly(6);
        assertThat((Boolean) JsonPath.read(json, "$.gains.repeatWindow.complete")).isFalse();
        assertThat((Integer) JsonPath.read(json, "$.gains.repeatWindow.monthsAfter")).isEqualTo(1);
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
            assertThat(text).as(language).contains(language.equals("nl") ? "4 van 6: 67 % (30 … 90 %)" : "4 of 6: 67 % (30 … 90 %)",
                    language.equals("nl") ? "4 van 5: 80 % (38 … 96 %)" : "4 of 5: 80 % (38 … 96 %)",
                    language.equals("nl") ? "Iedereen in de splitsing" : "Everyone in the split",
                    language.equals("nl") ? "te weinig mensen" : "too few people", "+7 pp", "+30 pp",
                    language.equals("nl") ? "Na de splitsing zijn pas 1 van de 12 maanden voorbij"
                            : "Only 1 of the 12 months after the split have passed");
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
