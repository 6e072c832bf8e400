package nl.buitenin.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import nl.buitenin.loop.ThemeDefinition;
import nl.buitenin.loop.ThemeTagging;
import nl.buitenin.loop.ThemeTaxonomy;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.SmallCellRule;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.Unique;
import nl.buitenin.testing.VisibleText;

/**
 * "Did the split work?" against a set built by hand and an independent computation written out here: before the split
 * an answer counts in the group its person chose at the split, after it in the group they were in when they answered
 * (one member of B switches to A halfway through "after"); everyone together counts every answer, the anonymous one and
 * a non-member's too. The theme's share difference is checked against Newcombe's hybrid score interval from Wilson
 * intervals and the pooled two-proportion z-test, the NPS difference against the adjusted-Wald formula, all computed here.
 */
@DatabaseTest
@AutoConfigureMockMvc
class SplitComparisonTest {

    private static final double Z = 1.959963984540054;

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    SmallCellRule smallCells;
    @Autowired
    ThemeTaxonomy taxonomy;
    @Autowired
    ThemeTagging tagging;

    /** In 2007, a year no other test answers in, so that "everyone" holds only this test's answers. */
    @Test
    void beforeAndAfterPerGroupAndForEveryoneMatchAnIndependentComputation() throws Exception {
        assertThat(smallCells.k()).as("the set below is built for the default small-cell rule").isEqualTo(5);
        GroupsFixture fixture = GroupsFixture.in(context, mvc);
        String split = Unique.name("tempo");
        GroupId a = fixture.group("CHOSEN", split, null);
        GroupId b = fixture.group("CHOSEN", split, null);
        ThemeDefinition theme = taxonomy.add(Unique.name("tempo van de groep"), Unique.name("pace of the group"), List.of("te snel"));
        // Every answer below carries a theme, the chosen one or this other one: all of them count in the theme's share.
        other = taxonomy.add(Unique.name("uitzicht"), Unique.name("view"), List.of("uitzicht"));
        List<PersonKey> as = fixture.people(6);
        List<PersonKey> bs = fixture.people(6);
        String tag = Unique.name("j");
        List<String[]> joins = new ArrayList<>();
        joins.addAll(GroupsFixture.joining(tag, as, a, "2007-03-01T00:00:00+01:00"));
        joins.addAll(GroupsFixture.joining(tag, bs, b, "2007-03-01T00:00:00+01:00"));
        joins.add(new String[] {tag + "switch", bs.get(5).value(), a.toString(), "2007-03-29T00:00:00Z"});
        fixture.memberships(joins);

        Instant before = Instant.parse("2007-02-10T12:00:00Z");
        Instant after = Instant.parse("2007-03-10T12:00:00Z");
        int[] aBefore = {3, 5, 6, 9, 10, 4};
        int[] bBefore = {9, 10, 8, 7, 10, 6};
        int[] aAfter = {9, 10, 8, 9, 6, 10};
        int[] bAfter = {9, 10, 7, 4, 9, 10};
        for (int i = 0; i < 6; i++) {
            answer(fixture, theme, as.get(i), aBefore[i], before, i == 0 || i == 1 || i == 2 || i == 5);
            answer(fixture, theme, bs.get(i), bBefore[i], before, i == 3);
            answer(fixture, theme, as.get(i), aAfter[i], after, i == 4);
            answer(fixture, theme, bs.get(i), bAfter[i], after, i == 3 || i == 1);
        }
        answer(fixture, theme, as.get(0), 2, Instant.parse("2007-02-20T12:00:00Z"), true);
        answer(fixture, theme, bs.get(5), 5, Instant.parse("2007-04-05T12:00:00Z"), true); // now in A
        answer(fixture, theme, null, 0, Instant.parse("2007-02-15T12:00:00Z"), true); // anonymous
        answer(fixture, theme, fixture.person(), 10, Instant.parse("2007-03-15T12:00:00Z"), false); // in no group
        answer(fixture, theme, as.get(1), 0, Instant.parse("2006-12-01T12:00:00Z"), true); // before the window

        // By hand. A before: 3 5 6 9 10 4 2, theme on 5 of 7; A after: 9 10 8 9 6 10 and b5's 5, theme on 2 of 7.
        // B before: 9 10 8 7 10 6, theme 1 of 6; B after: 9 10 7 4 9 10, theme 2 of 6.
        // Everyone before: A's, B's and the anonymous 0: theme 7 of 14; after: A's, B's and the non-member's 10: theme 4 of 14.
        String json = mvc.perform(get("/api/v1/groups/split").param("split", split).param("date", "2007-03-01").param("weeks", "8")
                .param("theme", theme.id().value().toString()).with(user(fixture.analyst)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertShare(row(json, a, "THEME"), 5, 7, 2, 7);
        assertShare(row(json, b, "THEME"), 1, 6, 2, 6);
        assertShare(row(json, null, "THEME"), 7, 14, 4, 14);
        assertNps(row(json, a, "NPS"), new long[] {2, 0, 5}, new long[] {4, 1, 2});
        assertNps(row(json, b, "NPS"), new long[] {3, 2, 1}, new long[] {4, 1, 1});
        assertNps(row(json, null, "NPS"), new long[] {5, 2, 7}, new long[] {9, 2, 3});
        assertThat(JsonPath.<List<String>>read(json, "$.everyone.rows[?(@.measure == 'CSAT')].reason")).containsExactly("tooFew");

        // A's share fell from 71 % to 29 %: -43 pp. The page says it in words, in Dutch and in English.
        double[] expectedA = shareDifference(5, 7, 2, 7);
        for (String language : List.of("nl", "en")) {
            String html = mvc.perform(get("/groups/split").param("split", split).param("date", "2007-03-01").param("weeks", "8")
                    .param("theme", theme.id().value().toString()).with(user(language.equals("nl") ? fixture.analystNl : fixture.analyst)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            String text = VisibleText.of(html);
            assertThat(VisibleText.problems(html)).as(language).isEmpty();
            assertThat(VisibleText.codesInText(text)).as(language).isEmpty();
            Locale locale = Locale.forLanguageTag(language);
            String share = "71 % \u2192 29 %";
            String difference = "\u2212" + String.format(locale, "%.0f", Math.abs(expectedA[0])) + " pp";
            assertThat(text).contains(share, difference, language.equals("nl") ? "Werkte de splitsing?" : "Did the split work?",
                    language.equals("nl") ? "Iedereen samen" : "Everyone together", "n = 14");
        }
        String refused = mvc.perform(get("/api/v1/groups/split").param("split", split).param("weeks", "200").param("theme", "tempo")
                .header("Accept-Language", "nl").with(user(fixture.analyst))).andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString();
        assertThat(refused).contains("\"weeks\"", "\"theme\"", "Kies 1 tot en met 104 weken.");
        mvc.perform(get("/api/v1/groups/split").with(user(fixture.agent))).andExpect(status().isForbidden());
        mvc.perform(get("/groups/split").with(user(fixture.agent))).andExpect(status().isForbidden());
    }

    /**
     * The share's denominator is the answers that carry a theme, not every answer: in 2009, six members of A answer the
     * trip evaluation with a comment before and after the split (the pace theme on three of six before, on none after,
     * another theme on the rest) and each also answers two staff surveys with scores only. By hand: 3 of 6 before, 0 of 6
     * after, −50 pp; counted among every answer it would be 3 of 18 and 0 of 18, −17 pp, diluted by answers that could not
     * have named the pace. The NPS still counts every answer: 18 on either side.
     */
    @Test
    void aThemesShareIsAmongTheAnswersThatCarryATheme() throws Exception {
        GroupsFixture fixture = GroupsFixture.in(context, mvc);
        String split = Unique.name("tempo");
        GroupId a = fixture.group("CHOSEN", split, null);
        ThemeDefinition pace = taxonomy.add(Unique.name("tempo van de groep"), Unique.name("pace of the group"), List.of("te snel"));
        ThemeDefinition view = taxonomy.add(Unique.name("uitzicht"), Unique.name("view"), List.of("uitzicht"));
        List<PersonKey> as = fixture.people(6);
        fixture.memberships(GroupsFixture.joining(Unique.name("j"), as, a, "2009-03-01T00:00:00+01:00"));
        for (int i = 0; i < 6; i++) {
            Instant before = Instant.parse("2009-02-10T12:00:00Z");
            Instant after = Instant.parse("2009-03-10T12:00:00Z");
            tagging.tagAnswer(fixture.answeredResponse(as.get(i), 6, before), (i < 3 ? pace : view).id(), "analist", ThemeTagging.Tagger.USER);
            tagging.tagAnswer(fixture.answeredResponse(as.get(i), 9, after), view.id(), "analist", ThemeTagging.Tagger.USER);
            for (int day = 0; day < 2; day++) {
                fixture.answeredResponse(as.get(i), 8, before.plusSeconds(86_400L * (day + 1)));
                fixture.answeredResponse(as.get(i), 8, after.plusSeconds(86_400L * (day + 1)));
            }
        }
        String json = mvc.perform(get("/api/v1/groups/split").param("split", split).param("date", "2009-03-01").param("weeks", "8")
                .param("theme", pace.id().value().toString()).with(user(fixture.analyst)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertShare(row(json, a, "THEME"), 3, 6, 0, 6);
        assertShare(row(json, null, "THEME"), 3, 6, 0, 6);
        assertThat(((Number) row(json, a, "THEME").get("difference")).doubleValue()).isCloseTo(-50.0, within(1e-9));
        assertNps(row(json, a, "NPS"), new long[] {0, 12, 6}, new long[] {6, 12, 0});
    }

    private ThemeDefinition other;

    private void answer(GroupsFixture fixture, ThemeDefinition theme, PersonKey person, int nps, Instant at, boolean tagged) {
        UUID response = fixture.answeredResponse(person, nps, at);
        tagging.tagAnswer(response, (tagged ? theme : other).id(), "analist", ThemeTagging.Tagger.USER);
    }


    private static Map<String, Object> row(String json, GroupId group, String measure) {
        String block = group == null ? "$.everyone" : "$.groups[?(@.group == '" + group + "')]";
        List<Map<String, Object>> rows = JsonPath.read(json, block + (group == null ? "" : "") + ".rows[?(@.measure == '" + measure + "')]");
        return rows.get(0);
    }

    @SuppressWarnings("unchecked")
    private static void assertShare(Map<String, Object> row, long beforeHits, long beforeN, long afterHits, long afterN) {
        Map<String, Object> before = (Map<String, Object>) row.get("before");
        Map<String, Object> after = (Map<String, Object>) row.get("after");
        assertThat(((Number) before.get("n")).longValue()).isEqualTo(beforeN);
        assertThat(((Number) before.get("hits")).longValue()).isEqualTo(beforeHits);
        assertThat(((Number) after.get("n")).longValue()).isEqualTo(afterN);
        assertThat(((Number) after.get("hits")).longValue()).isEqualTo(afterHits);
        double[] expected = shareDifference(afterHits, afterN, beforeHits, beforeN);
        assertThat(((Number) row.get("difference")).doubleValue()).isCloseTo(expected[0], within(1e-9));
        assertThat(((Number) row.get("lower")).doubleValue()).isCloseTo(expected[1], within(1e-9));
        assertThat(((Number) row.get("upper")).doubleValue()).isCloseTo(expected[2], within(1e-9));
        assertThat(((Number) row.get("pValue")).doubleValue()).isCloseTo(expected[3], within(1e-9));
    }

    @SuppressWarnings("unchecked")
    private static void assertNps(Map<String, Object> row, long[] before, long[] after) {
        assertThat(((Number) ((Map<String, Object>) row.get("before")).get("n")).longValue()).isEqualTo(before[0] + before[1] + before[2]);
        assertThat(((Number) ((Map<String, Object>) row.get("after")).get("n")).longValue()).isEqualTo(after[0] + after[1] + after[2]);
        double[] expected = npsDifference(after, before);
        assertThat(((Number) row.get("difference")).doubleValue()).isCloseTo(expected[0], within(1e-9));
        assertThat(((Number) row.get("lower")).doubleValue()).isCloseTo(expected[1], within(1e-9));
        assertThat(((Number) row.get("upper")).doubleValue()).isCloseTo(expected[2], within(1e-9));
        assertThat(((Number) row.get("pValue")).doubleValue()).isCloseTo(expected[3], within(1e-9));
    }

    /** Wilson's score interval of x of n (Newcombe 1998, method 3), as {lower, upper}. */
    private static double[] wilson(long x, long n) {
        double p = (double) x / n;
        double z2 = Z * Z;
        double centre = (2 * n * p + z2) / (2 * (n + z2));
        double half = Z * Math.sqrt(z2 + 4 * n * p * (1 - p)) / (2 * (n + z2));
        return new double[] {centre - half, centre + half};
    }

    /** Newcombe's method 10 for p1 - p2 in percentage points, with the pooled z-test's two-sided p-value. */
    private static double[] shareDifference(long x1, long n1, long x2, long n2) {
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        double[] w1 = wilson(x1, n1);
        double[] w2 = wilson(x2, n2);
        double d = p1 - p2;
        double lower = d - Math.sqrt(Math.pow(p1 - w1[0], 2) + Math.pow(w2[1] - p2, 2));
        double upper = d + Math.sqrt(Math.pow(w1[1] - p1, 2) + Math.pow(p2 - w2[0], 2));
        double pooled = (double) (x1 + x2) / (n1 + n2);
        double z = d / Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        return new double[] {100 * d, 100 * lower, 100 * upper, 2 * (1 - phi(Math.abs(z)))};
    }

    /** NPS of a minus NPS of b (promoters, passives, detractors), adjusted Wald (Rocks 2016), widened to hold the observed. */
    private static double[] npsDifference(long[] a, long[] b) {
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

    private static double phi(double x) {
        return 0.5 * org.apache.commons.math3.special.Erf.erfc(-x / Math.sqrt(2));
    }
}
