package nl.buitenin.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import nl.buitenin.privacy.PersonKey;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.Unique;
import nl.buitenin.testing.VisibleText;

/**
 * Costs against gains of a split: administrators enter the numbers (analysts and agents may not), the extra cost a month
 * is trips x extra guides x hours x hourly cost, computed here by hand; the expected change of everyone's NPS and the
 * what-ifs (drop, merge, add) are recomputed here from the groups' own changes and sizes as the API gives them; wrong
 * input is refused naming each field, in the reader's language; the page answers in words in Dutch and English.
 */
@DatabaseTest
@AutoConfigureMockMvc
class SplitEconomicsTest {

    private static final double Z = 1.959963984540054;

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;

    @Test
    void costsAgainstGainsWithWhatIfs() throws Exception {
        GroupsFixture fixture = GroupsFixture.in(context, mvc);
        String split = Unique.name("tempo");
        GroupId a = fixture.group("CHOSEN", split, null);
        GroupId b = fixture.group("CHOSEN", split, null);
        List<PersonKey> as = fixture.people(7);
        List<PersonKey> bs = fixture.people(6);
        String tag = Unique.name("e");
        List<String[]> joins = new ArrayList<>(GroupsFixture.joining(tag, as, a, "2013-03-01T00:00:00+01:00"));
        joins.addAll(GroupsFixture.joining(tag, bs, b, "2013-03-01T00:00:00+01:00"));
        fixture.memberships(joins);
        int[] aBefore = {3, 5, 6, 9, 10, 4, 7};
        int[] aAfter = {9, 10, 8, 9, 6, 10, 10};
        int[] bBefore = {9, 10, 8, 7, 10, 6};
        int[] bAfter = {9, 10, 7, 4, 9, 5};
        for (int i = 0; i < 7; i++) {
            fixture.answered(as.get(i), aBefore[i], Instant.parse("2013-02-10T12:00:00Z"));
            fixture.answered(as.get(i), aAfter[i], Instant.parse("2013-03-10T12:00:00Z"));
        }
        for (int i = 0; i < 6; i++) {
            fixture.answered(bs.get(i), bBefore[i], Instant.parse("2013-02-10T12:00:00Z"));
            fixture.answered(bs.get(i), bAfter[i], Instant.parse("2013-03-10T12:00:00Z"));
        }
        String body = "{\"split\":\"" + split + "\",\"hourlyCost\":35,\"hoursPerTrip\":6,\"groups\":["
                + "{\"group\":\"" + a + "\",\"tripsPerMonth\":8,\"guidesBefore\":0,\"guidesAfter\":1,\"revenuePerPerson\":450},"
                + "{\"group\":\"" + b + "\",\"tripsPerMonth\":8,\"guidesBefore\":1,\"guidesAfter\":1.5}]}";
        mvc.perform(put("/api/v1/groups/economics").with(user(fixture.analyst)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/groups/economics").with(user(fixture.agent)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/groups/economics").param("split", split).with(user(fixture.agent))).andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/groups/economics").with(user(fixture.admin)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk());

        String query = "&date=2013-03-01&weeks=8";
        String json = read(fixture, "split=" + split + query);
        // By hand: A needs one extra guide on 8 trips of 6 hours at 35 euro: 1 680; B half a guide more: 840.
        assertThat(number(json, "$.groups[?(@.group == '" + a + "')].extraCostPerMonth")).isCloseTo(1680, within(1e-9));
        assertThat(number(json, "$.groups[?(@.group == '" + b + "')].extraCostPerMonth")).isCloseTo(840, within(1e-9));
        assertThat(number(json, "$.groups[?(@.group == '" + b + "')].extraHoursPerMonth")).isCloseTo(24, within(1e-9));
        assertThat(((Number) JsonPath.read(json, "$.extraCostPerMonth")).doubleValue()).isCloseTo(2520, within(1e-9));
        assertThat(number(json, "$.groups[?(@.group == '" + a + "')].revenuePerYear")).isCloseTo(7 * 450, within(1e-9));
        assertThat(number(json, "$.groups[?(@.group == '" + a + "')].costPerMemberPerMonth")).isCloseTo(1680.0 / 7, within(1e-9));
        assertThat(JsonPath.<Boolean>read(json, "$.complete")).isTrue();
        // A before: 2 promoters, 1 passive, 4 detractors; after 5, 1, 1 (NPS -28.6 to +57.1).
        assertThat(number(json, "$.groups[?(@.group == '" + a + "')].nps.value")).isCloseTo(100.0 * (5 - 1) / 7 - 100.0 * (2 - 4) / 7, within(1e-9));

        double[] changeA = change(json, a);
        double[] changeB = change(json, b);
        double wa = 7.0 / 13;
        double wb = 6.0 / 13;
        assertExpected(JsonPath.read(json, "$.expected"), wa * changeA[0] + wb * changeB[0],
                Math.sqrt(wa * wa * changeA[1] * changeA[1] + wb * wb * changeB[1] * changeB[1]));

        String drop = read(fixture, "split=" + split + query + "&whatIf=drop&group=" + a);
        assertThat(((Number) JsonPath.read(drop, "$.whatIf.costPerMonth")).doubleValue()).isCloseTo(840, within(1e-9));
        assertExpected(JsonPath.read(drop, "$.whatIf.expected"), wb * changeB[0], wb * changeB[1]);
        String merge = read(fixture, "split=" + split + query + "&whatIf=MERGE&group=" + a + "&into=" + b);
        assertThat(((Number) JsonPath.read(merge, "$.whatIf.costPerMonth")).doubleValue()).isCloseTo(840, within(1e-9));
        assertExpected(JsonPath.read(merge, "$.whatIf.expected"), changeB[0], changeB[1]);
        String add = read(fixture, "split=" + split + query + "&whatIf=add&trips=4&guides=2");
        assertThat(((Number) JsonPath.read(add, "$.whatIf.costPerMonth")).doubleValue()).isCloseTo(2520 + 4 * 2 * 6 * 35, within(1e-9));
        assertThat(JsonPath.<Object>read(add, "$.whatIf.expected")).isNull();

        String refused = mvc.perform(put("/api/v1/groups/economics").with(user(fixture.admin)).with(csrf()).header("Accept-Language", "nl")
                .contentType(MediaType.APPLICATION_JSON).content("{\"split\":\"" + split + "\",\"hourlyCost\":-3,\"groups\":[{\"group\":\""
                        + a + "\",\"tripsPerMonth\":8,\"guidesAfter\":1}]}"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("\"hourlyCost\"", "\"groups[0].guidesBefore\"", "Vul dit in.", "Kies een getal van 0 tot en met 10000.");
        String wrongWhatIf = mvc.perform(get("/api/v1/groups/economics").param("split", split).param("whatIf", "MERGE").param("group", a.toString())
                .header("Accept-Language", "en").with(user(fixture.analyst))).andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString();
        assertThat(wrongWhatIf).contains("\"into\"", "Choose another group of the split to merge with.");

        // The form: a wrong number is named; a right one saved.
        mvc.perform(post("/groups/economics").with(user(fixture.admin)).with(csrf()).param("split", split).param("hourlyCost", "veel")
                .param("hoursPerTrip", "6").param("groups[0].tripsPerMonth", "8").param("groups[0].guidesBefore", "0")
                .param("groups[0].guidesAfter", "1").param("groups[1].tripsPerMonth", "8").param("groups[1].guidesBefore", "1")
                .param("groups[1].guidesAfter", "1,5")).andExpect(status().isOk());
        assertThat(((Number) JsonPath.read(read(fixture, "split=" + split + query), "$.hourlyCost")).doubleValue()).isEqualTo(35);
        for (String language : List.of("nl", "en")) {
            String html = mvc.perform(get("/groups/economics").param("split", split).param("date", "2013-03-01").param("weeks", "8")
                    .param("whatIf", "DROP").param("group", a.toString())
                    .with(user(language.equals("nl") ? fixture.analystNl : fixture.analyst))).andExpect(status().isOk()).andReturn()
                    .getResponse().getContentAsString();
            String text = VisibleText.of(html);
            assertThat(VisibleText.problems(html)).as(language).isEmpty();
            assertThat(VisibleText.codesInText(text)).as(language).isEmpty();
            assertThat(text).contains(language.equals("nl") ? "€ 2.520 per maand meer" : "€ 2,520 a month more",
                    language.equals("nl") ? "is iedereen het ermee eens?" : "does everyone agree?", language.equals("nl") ? "€ 840" : "€ 840");
            assertThat(html).doesNotContain("economics-settings");
        }
        String adminPage = mvc.perform(get("/groups/economics").param("split", split).with(user(fixture.admin))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(adminPage).contains("economics-settings");
    }

    private String read(GroupsFixture fixture, String query) throws Exception {
        return mvc.perform(get("/api/v1/groups/economics?" + query).with(user(fixture.analyst))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }

    private static double number(String json, String path) {
        List<Number> values = JsonPath.read(json, path);
        return values.get(0).doubleValue();
    }

    /** A group's NPS change and its standard error read back from its 95 % interval. */
    private static double[] change(String json, GroupId group) {
        double value = number(json, "$.groups[?(@.group == '" + group + "')].nps.value");
        double lower = number(json, "$.groups[?(@.group == '" + group + "')].nps.lower");
        double upper = number(json, "$.groups[?(@.group == '" + group + "')].nps.upper");
        return new double[] {value, (upper - lower) / (2 * Z)};
    }

    private static void assertExpected(Map<String, Object> expected, double value, double standardError) {
        assertThat(((Number) expected.get("value")).doubleValue()).isCloseTo(value, within(1e-9));
        assertThat(((Number) expected.get("lower")).doubleValue()).isCloseTo(value - Z * standardError, within(1e-9));
        assertThat(((Number) expected.get("upper")).doubleValue()).isCloseTo(value + Z * standardError, within(1e-9));
    }

}
