package nl.buitenin.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.SmallCellRule;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.Unique;
import nl.buitenin.testing.VisibleText;

/**
 * Scores per group against a set built by hand: each response counts in the group its person was in when they
 * answered (one member moves from one group to the other halfway and their two answers land in different groups),
 * anonymous answers and non-members count nowhere, a group of two people is hidden. Each group's NPS interval and the
 * difference between two groups (interval and p-value) are computed here from the published formulas — the adjusted
 * Wald interval of an NPS (Rocks 2016: 3/4 added to promoters and to detractors, 3 to n) and the normal test of the
 * difference of two adjusted NPS — not by the code under test.
 */
@DatabaseTest
@AutoConfigureMockMvc
class GroupScoresTest {

    /** The 97.5th percentile of the standard normal distribution. */
    private static final double Z = 1.959963984540054;

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    SmallCellRule smallCells;

    @Test
    void eachAnswerCountsInTheGroupOfItsMomentAndTheDifferenceMatchesTheFormula() throws Exception {
        assertThat(smallCells.k()).as("the set below is built for the default small-cell rule").isEqualTo(5);
        GroupsFixture fixture = GroupsFixture.in(context, mvc);
        String split = Unique.name("tempo");
        GroupId brisk = fixture.group("CHOSEN", split, null);
        GroupId enjoying = fixture.group("CHOSEN", split, null);
        GroupId few = fixture.group("CHOSEN", null, null);
        List<PersonKey> x = fixture.people(6);
        List<PersonKey> y = fixture.people(6);
        List<PersonKey> z = fixture.people(2);
        List<String[]> joins = new ArrayList<>();
        String tag = Unique.name("s");
        joins.addAll(GroupsFixture.joining(tag, x, brisk, "2011-01-01T00:00:00Z"));
        joins.addAll(GroupsFixture.joining(tag, y, enjoying, "2011-01-01T00:00:00Z"));
        joins.addAll(GroupsFixture.joining(tag, z, few, "2011-01-01T00:00:00Z"));
        // The first of x moves to the other group on 1 February.
        joins.add(new String[] {tag + "move", x.get(0).value(), enjoying.toString(), "2011-02-01T00:00:00Z"});
        fixture.memberships(joins);

        Instant january = Instant.parse("2011-01-10T12:00:00Z");
        Instant february = Instant.parse("2011-02-10T12:00:00Z");
        int[] xJanuary = {10, 9, 8, 6, 10, 3};
        int[] yJanuary = {5, 7, 9, 2, 6, 8};
        for (int i = 0; i < 6; i++) {
            fixture.answered(x.get(i), xJanuary[i], january);
            fixture.answered(y.get(i), yJanuary[i], january);
        }
        fixture.answered(x.get(1), 9, february);
        fixture.answered(x.get(2), 10, february);
        fixture.answered(y.get(0), 4, february);
        fixture.answered(x.get(0), 2, february); // now in the other group
        fixture.answered(y.get(3), 7, february);
        fixture.answered(z.get(0), 10, january);
        fixture.answered(z.get(1), 9, january);
        fixture.answered(null, 0, january); // anonymous
        fixture.answered(fixture.person(), 0, january); // in no group
        fixture.answered(x.get(3), 0, Instant.parse("2011-03-10T12:00:00Z")); // after the period

        // By hand: brisk has 10 9 8 6 10 3 | 9 10, enjoying 5 7 9 2 6 8 | 4 2 7 (x[0]'s 2 in February).
        long[] briskCounts = {5, 1, 2}; // promoters, passives, detractors
        long[] enjoyingCounts = {1, 3, 5};

        String json = mvc.perform(get("/api/v1/groups/scores").param("from", "2011-01-01").param("to", "2011-02-28")
                .param("first", brisk.toString()).param("second", enjoying.toString()).with(user(fixture.analyst)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Map<String, Object> briskScore = nps(json, brisk);
        Map<String, Object> enjoyingScore = nps(json, enjoying);
        assertThat(((Number) briskScore.get("n")).longValue()).isEqualTo(8);
        assertThat(((Number) enjoyingScore.get("n")).longValue()).isEqualTo(9);
        assertEstimate(briskScore, briskCounts);
        assertEstimate(enjoyingScore, enjoyingCounts);
        assertThat(nps(json, few).get("hidden")).isEqualTo(true);
        assertThat(nps(json, few).get("n")).isNull();

        Map<String, Object> difference = JsonPath.<List<Map<String, Object>>>read(json, "$.differences[?(@.scale == 'NPS')]").get(0);
        double[] expected = difference(briskCounts, enjoyingCounts);
        assertThat(((Number) difference.get("difference")).doubleValue()).isCloseTo(expected[0], within(1e-9));
        assertThat(((Number) difference.get("lower")).doubleValue()).isCloseTo(expected[1], within(1e-9));
        assertThat(((Number) difference.get("upper")).doubleValue()).isCloseTo(expected[2], within(1e-9));
        assertThat(((Number) difference.get("pValue")).doubleValue()).isCloseTo(expected[3], within(1e-9));
        assertThat(JsonPath.<List<String>>read(json, "$.differences[?(@.scale == 'CSAT')].reason")).containsExactly("tooFew");

        for (String language : List.of("nl", "en")) {
            String html = mvc.perform(get("/groups").param("from", "2011-01-01").param("to", "2011-02-28").param("first", brisk.toString())
                    .param("second", enjoying.toString()).with(user(language.equals("nl") ? fixture.analystNl : fixture.analyst)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            String text = VisibleText.of(html);
            assertThat(VisibleText.problems(html)).as(language).isEmpty();
            assertThat(VisibleText.codesInText(text)).as(language).isEmpty();
            assertThat(text).contains("n = 8", "n = 9", language.equals("nl") ? "Verschil tussen" : "Difference between",
                    String.format(java.util.Locale.forLanguageTag(language), "%.0f", expected[0]));
        }
    }


    private static Map<String, Object> nps(String json, GroupId group) {
        List<Map<String, Object>> scores = JsonPath.read(json, "$.groups[?(@.group == '" + group + "')].scores[?(@.scale == 'NPS')]");
        return scores.get(0);
    }

    /** The NPS and its adjusted-Wald interval (Rocks 2016), widened to hold the observed NPS as the pages do. */
    private static void assertEstimate(Map<String, Object> score, long[] counts) {
        double n = counts[0] + counts[1] + counts[2];
        double observed = 100 * (counts[0] - counts[2]) / n;
        double p = (counts[0] + 0.75) / (n + 3);
        double d = (counts[2] + 0.75) / (n + 3);
        double margin = Z * Math.sqrt((p + d - (p - d) * (p - d)) / (n + 3));
        assertThat(((Number) score.get("value")).doubleValue()).isCloseTo(observed, within(1e-9));
        assertThat(((Number) score.get("lower")).doubleValue()).isCloseTo(Math.min(observed, 100 * (p - d - margin)), within(1e-9));
        assertThat(((Number) score.get("upper")).doubleValue()).isCloseTo(Math.max(observed, 100 * (p - d + margin)), within(1e-9));
    }

    /** Observed difference, interval of the adjusted difference and the two-sided p-value of the normal test. */
    private static double[] difference(long[] a, long[] b) {
        double na = a[0] + a[1] + a[2];
        double nb = b[0] + b[1] + b[2];
        double observed = 100 * (a[0] - a[2]) / na - 100 * (b[0] - b[2]) / nb;
        double pa = (a[0] + 0.75) / (na + 3);
        double da = (a[2] + 0.75) / (na + 3);
        double pb = (b[0] + 0.75) / (nb + 3);
        double db = (b[2] + 0.75) / (nb + 3);
        double centre = 100 * ((pa - da) - (pb - db));
        double se = 100 * Math.sqrt((pa + da - (pa - da) * (pa - da)) / (na + 3) + (pb + db - (pb - db) * (pb - db)) / (nb + 3));
        double p = 2 * (1 - phi(Math.abs(centre) / se));
        return new double[] {observed, Math.min(observed, centre - Z * se), Math.max(observed, centre + Z * se), p};
    }

    /** The standard normal distribution function, by the complementary error function's series (Abramowitz–Stegun 7.1.26 is too coarse). */
    private static double phi(double x) {
        return 0.5 * org.apache.commons.math3.special.Erf.erfc(-x / Math.sqrt(2));
    }
}
