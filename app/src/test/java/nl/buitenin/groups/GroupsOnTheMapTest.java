package nl.buitenin.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import nl.buitenin.access.internal.StoredUser;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.SmallCellRule;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.Unique;
import nl.buitenin.testing.VisibleText;

/**
 * The journey map filtered by a customer group: a touchpoint's card shows only the answers of the group's members at
 * the moment they answered (a member who moved mid-period counts before the move only), with n and the NPS computed
 * here by hand; everyone's card counts all answers; a group of two people is hidden; the figures that are not counted
 * per group say so in words; an unknown group is refused naming the field; agents get no group filter.
 */
@DatabaseTest
@AutoConfigureMockMvc
class GroupsOnTheMapTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    SmallCellRule smallCells;

    @Test
    void aGroupsCardShowsOnlyThatGroupsAnswers() throws Exception {
        assertThat(smallCells.k()).as("the set below is built for the default small-cell rule").isEqualTo(5);
        GroupsFixture fixture = GroupsFixture.in(context, mvc);
        String split = Unique.name("tempo");
        GroupId brisk = fixture.group("CHOSEN", split, null);
        GroupId enjoying = fixture.group("CHOSEN", split, null);
        GroupId few = fixture.group("CHOSEN", null, null);
        List<PersonKey> x = fixture.people(6);
        List<PersonKey> y = fixture.people(5);
        List<PersonKey> z = fixture.people(2);
        List<String[]> joins = new ArrayList<>();
        String tag = Unique.name("m");
        joins.addAll(GroupsFixture.joining(tag, x, brisk, "2012-01-01T00:00:00Z"));
        joins.addAll(GroupsFixture.joining(tag, y, enjoying, "2012-01-01T00:00:00Z"));
        joins.addAll(GroupsFixture.joining(tag, z, few, "2012-01-01T00:00:00Z"));
        joins.add(new String[] {tag + "move", x.get(0).value(), enjoying.toString(), "2012-02-01T00:00:00Z"});
        fixture.memberships(joins);

        Instant january = Instant.parse("2012-01-10T12:00:00Z");
        Instant february = Instant.parse("2012-02-10T12:00:00Z");
        int[] xJanuary = {10, 9, 9, 7, 3, 10};
        int[] yJanuary = {0, 2, 5, 9, 6};
        for (int i = 0; i < x.size(); i++) {
            fixture.answered(x.get(i), xJanuary[i], january);
        }
        for (int i = 0; i < y.size(); i++) {
            fixture.answered(y.get(i), yJanuary[i], january);
        }
        fixture.answered(x.get(0), 1, february); // in the other group by now
        fixture.answered(x.get(1), 8, february);
        fixture.answered(z.get(0), 10, january);
        fixture.answered(z.get(1), 10, january);
        fixture.answered(fixture.person(), 10, january); // in no group
        fixture.answered(null, 0, january); // anonymous

        // By hand, brisk: 10 9 9 7 3 10 | 8 -> 4 promoters, 2 passives, 1 detractor of 7.
        int[] briskAnswers = {10, 9, 9, 7, 3, 10, 8};
        // Everyone: all 17 answers at the touchpoint.
        int[] allAnswers = {10, 9, 9, 7, 3, 10, 0, 2, 5, 9, 6, 1, 8, 10, 10, 10, 0};
        TouchpointId touchpoint = fixture.touchpoint();

        String briskCard = card(map(fixture.analyst, brisk.toString()), touchpoint);
        assertThat(briskCard).contains("Recommend (NPS)", "n = " + briskAnswers.length, npsText(briskAnswers), "not per group")
                .doesNotContain("class=\"volume\"", "<svg", "hx-get");
        String allCard = card(map(fixture.analyst, null), touchpoint);
        assertThat(allCard).contains("n = " + allAnswers.length, npsText(allAnswers)).doesNotContain("not per group");
        assertThat(card(map(fixture.analyst, few.toString()), touchpoint)).contains("n &lt; 5").doesNotContain("n = 2");

        String dutch = map(fixture.analystNl, enjoying.toString());
        String text = VisibleText.of(dutch);
        assertThat(VisibleText.problems(dutch)).isEmpty();
        assertThat(VisibleText.codesInText(text)).isEmpty();
        // y's five January answers and x[0]'s February one.
        assertThat(card(dutch, touchpoint)).contains("n = 6", "niet per groep");
        assertThat(text).contains("Klantgroep", "Alleen de scores zijn van de groep");

        // Agents read the map but not scores per group (as on the groups page): no filter, and a group is refused.
        String agents = mvc.perform(get("/insight/journey-map").with(user(fixture.agent))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(agents).doesNotContain("id=\"map-group\"");
        assertThat(VisibleText.of(mvc.perform(get("/insight/journey-map").param("group", brisk.toString()).with(user(fixture.agent)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())).contains("is not a customer group");
        assertThat(dutch).contains("id=\"map-group\"");

        String refused = mvc.perform(get("/insight/journey-map").param("group", "geen-groep").with(user(fixture.analyst)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(VisibleText.of(refused)).contains("'geen-groep' is not a customer group");
    }

    private String map(StoredUser reader, String group) throws Exception {
        var request = get("/insight/journey-map").param("from", "2012-01-01").param("to", "2012-02-28").with(user(reader));
        if (group != null) {
            request.param("group", group);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** "NPS (95%: " as the card writes it, the NPS computed from the answers: promoters minus detractors in percent. */
    private static String npsText(int[] answers) {
        long promoters = java.util.Arrays.stream(answers).filter(a -> a >= 9).count();
        long detractors = java.util.Arrays.stream(answers).filter(a -> a <= 6).count();
        double nps = 100.0 * (promoters - detractors) / answers.length;
        return String.format(Locale.ENGLISH, "%.1f (95%%: ", nps);
    }

    private static String card(String page, TouchpointId touchpoint) {
        Matcher m = Pattern.compile("(<li class=\"card[^\"]*\"\\s+data-touchpoint=\"" + touchpoint + "\".*?)(?=<li class=\"card|</ul>\\s*</div>)",
                Pattern.DOTALL).matcher(page);
        assertThat(m.find()).as("the card of %s", touchpoint).isTrue();
        return m.group(1);
    }

}
