package nl.buitenin.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import nl.buitenin.groups.internal.JdbcMemberships;
import nl.buitenin.groups.internal.Membership;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.Unique;

/**
 * Groups through the API: memberships with their history (a split ends one group where the other begins, a late
 * membership stops where the later history starts, leaving ends the open one), retries that change nothing, wrong
 * items named by index or line and field in the reader's language while the right ones are taken, groups by rule that
 * follow the attributes (also when one arrives late for the past), and the roles.
 */
@DatabaseTest
@AutoConfigureMockMvc
class GroupsApiTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcMemberships memberships;
    @Autowired
    CustomerGroups customerGroups;

    GroupsFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = GroupsFixture.in(context, mvc);
    }

    static Instant at(String moment) {
        return Instant.parse(moment);
    }

    @Test
    void joiningAGroupOfASplitEndsTheOtherAtThatMomentAndARetryChangesNothing() throws Exception {
        String split = Unique.name("tempo");
        GroupId brisk = fixture.group("CHOSEN", split, null);
        GroupId enjoying = fixture.group("CHOSEN", split, null);
        GroupId other = fixture.group("CHOSEN", null, null);
        PersonKey person = fixture.person();
        String tag = Unique.name("m");
        List<String[]> batch = List.of(
                new String[] {tag + "1", person.value(), brisk.toString(), "2011-01-01T00:00:00Z"},
                new String[] {tag + "2", person.value(), enjoying.toString(), "2011-03-01T00:00:00+01:00"},
                new String[] {tag + "3", person.value(), other.toString(), "2011-02-01T00:00:00Z"});
        String report = fixture.memberships(batch);
        assertThat((Integer) JsonPath.read(report, "$.created")).isEqualTo(3);
        assertThat((Integer) JsonPath.read(fixture.memberships(batch), "$.duplicates")).as("sent again").isEqualTo(3);

        assertThat(memberships.of(person)).extracting(m -> m.group(), Membership::from, Membership::to).containsExactly(
                org.assertj.core.groups.Tuple.tuple(brisk, at("2011-01-01T00:00:00Z"), at("2011-02-28T23:00:00Z")),
                org.assertj.core.groups.Tuple.tuple(other, at("2011-02-01T00:00:00Z"), null),
                org.assertj.core.groups.Tuple.tuple(enjoying, at("2011-02-28T23:00:00Z"), null));
        assertThat(customerGroups.of(person, at("2011-01-15T00:00:00Z"))).containsExactly(brisk);
        assertThat(customerGroups.of(person, at("2011-02-28T22:59:59Z"))).containsExactlyInAnyOrder(brisk, other);
        assertThat(customerGroups.of(person, at("2011-02-28T23:00:00Z"))).containsExactlyInAnyOrder(enjoying, other);
        assertThat(customerGroups.of(person, at("2010-12-31T00:00:00Z"))).isEmpty();

        // A membership sent late for the past stops where the person's later history in the split begins.
        fixture.memberships(List.<String[]>of(new String[] {tag + "4", person.value(), enjoying.toString(), "2010-12-01T00:00:00Z"}));
        assertThat(customerGroups.of(person, at("2010-12-31T00:00:00Z"))).containsExactly(enjoying);
        assertThat(customerGroups.of(person, at("2011-01-01T00:00:00Z"))).containsExactly(brisk);
        // Without 'from', the membership open at 'to' ends then.
        fixture.memberships(List.<String[]>of(new String[] {tag + "5", person.value(), enjoying.toString(), null, "2011-06-01T00:00:00Z"}));
        assertThat(customerGroups.of(person, at("2011-05-31T00:00:00Z"))).containsExactlyInAnyOrder(enjoying, other);
        assertThat(customerGroups.of(person, at("2011-06-01T00:00:00Z"))).containsExactly(other);
    }

    @Test
    void wrongItemsAreNamedInTheReadersLanguageAndTheRightOnesAreTaken() throws Exception {
        GroupId chosen = fixture.group("CHOSEN", null, null);
        GroupId byRule = fixture.group("RULE", null, "pace = brisk");
        PersonKey person = fixture.person();
        String tag = Unique.name("w");
        String body = "{\"items\":[{\"sourceId\":\"" + tag + "a\",\"person\":\"" + person.value() + "\",\"group\":\"" + chosen
                + "\",\"from\":\"2011-01-01T00:00:00Z\"},{\"sourceId\":\"" + tag + "b\",\"person\":\"klant-12\",\"group\":\"" + chosen
                + "\",\"from\":\"1 januari\"},{\"sourceId\":\"" + tag + "c\",\"person\":\"" + person.value() + "\",\"group\":\"" + byRule
                + "\",\"from\":\"2011-01-01T00:00:00Z\"}]}";
        mvc.perform(post("/api/v1/groups/memberships").with(user(fixture.admin)).with(csrf()).header("Accept-Language", "nl")
                .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(1))
                .andExpect(jsonPath("$.rejected").value(2))
                .andExpect(jsonPath("$.items[1].index").value(1))
                .andExpect(jsonPath("$.items[1].errors[0].field").value("person"))
                .andExpect(jsonPath("$.items[1].errors[0].message").value("'klant-12' is geen persoonssleutel (p_ en 26 tekens)."))
                .andExpect(jsonPath("$.items[1].errors[1].field").value("from"))
                .andExpect(jsonPath("$.items[1].errors[1].message").value("'1 januari' is geen moment; schrijf het als 2026-03-01T10:00:00+01:00."))
                .andExpect(jsonPath("$.items[2].errors[0].field").value("group"));
        assertThat(memberships.of(person)).extracting(Membership::group).containsExactly(chosen);

        PersonKey other = fixture.person();
        String csv = "sourceId,person,group,from\n" + tag + "d," + other.value() + "," + chosen + ",2011-05-01T00:00:00Z\n"
                + tag + "e,p_x," + chosen + ",2011-05-01T00:00:00Z\n";
        mvc.perform(post("/api/v1/groups/memberships").with(user(fixture.admin)).with(csrf()).header("Accept-Language", "en")
                .contentType("text/csv").content(csv))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(1))
                .andExpect(jsonPath("$.items[1].errors[0].field").value("line 3, column person"))
                .andExpect(jsonPath("$.items[1].errors[0].message").value("'p_x' is not a person key (p_ and 26 characters)."));
        assertThat(memberships.of(other)).extracting(Membership::group).containsExactly(chosen);

        mvc.perform(post("/api/v1/groups").with(user(fixture.admin)).with(csrf()).header("Accept-Language", "nl")
                .contentType(MediaType.APPLICATION_JSON).content("{\"nameNl\":\"" + Unique.name("Regel") + "\",\"nameEn\":\"" + Unique.name("Rule")
                        + "\",\"kind\":\"RULE\",\"rule\":\"trips >= veel\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("rule"))
                .andExpect(jsonPath("$.errors[0].message").value("'trips' vergelijkt met < of > alleen met een getal, niet met 'veel'."));
    }

    @Test
    void aGroupByRuleFollowsTheAttributesAlsoWhenOneArrivesLateForThePast() throws Exception {
        GroupId regulars = fixture.group("RULE", null, "trips >= 3 and age_band in (55-64, 65+)");
        PersonKey person = fixture.person();
        String tag = Unique.name("a");
        attributes(tag, person, List.of(new String[] {"1", "age_band", "55-64", "2011-01-01T00:00:00Z"},
                new String[] {"2", "trips", "1", "2011-02-01T00:00:00Z"}, new String[] {"3", "trips", "2", "2011-03-01T00:00:00Z"},
                new String[] {"4", "trips", "3", "2011-04-01T00:00:00Z"}));
        assertThat(intervals(person, regulars)).containsExactly("2011-04-01T00:00:00Z/");
        String again = attributes(tag, person, List.<String[]>of(new String[] {"3", "trips", "2", "2011-03-01T00:00:00Z"},
                new String[] {"4", "trips", "3", "2011-04-01T00:00:00Z"}));
        assertThat((Integer) JsonPath.read(again, "$.duplicates")).as("sent again").isEqualTo(2);
        assertThat(intervals(person, regulars)).containsExactly("2011-04-01T00:00:00Z/");

        // Three trips were known already in January (sent late): a member in January too, until two trips were sent for February.
        attributes(tag, person, List.<String[]>of(new String[] {"5", "trips", "3", "2011-01-15T00:00:00Z"}));
        assertThat(intervals(person, regulars)).containsExactly("2011-01-15T00:00:00Z/2011-02-01T00:00:00Z",
                "2011-04-01T00:00:00Z/");
        // Turning 65 keeps them in; a group created later is filled from the attributes there are.
        attributes(tag, person, List.<String[]>of(new String[] {"6", "age_band", "65+", "2011-05-01T00:00:00Z"}));
        assertThat(intervals(person, regulars)).hasSize(2);
        GroupId young = fixture.group("RULE", null, "age_band = 18-34");
        GroupId senior = fixture.group("RULE", null, "age_band = 65+");
        assertThat(intervals(person, young)).isEmpty();
        assertThat(intervals(person, senior)).containsExactly("2011-05-01T00:00:00Z/");
        // Rule groups hold everyone their rule matches: other tests' rule groups may hold this person too.
        assertThat(customerGroups.of(person, at("2011-05-02T00:00:00Z"))).contains(regulars, senior).doesNotContain(young);
    }

    @Test
    void analystsReadAdministratorsManageAndOtherRolesAreRefused() throws Exception {
        GroupId group = fixture.group("FOUND", null, null);
        mvc.perform(get("/api/v1/groups/" + group).with(user(fixture.analyst))).andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("FOUND"));
        mvc.perform(get("/api/v1/groups").with(user(fixture.agent))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/groups").with(user(fixture.analyst)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"nameNl\":\"x\",\"nameEn\":\"y\",\"kind\":\"CHOSEN\"}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/groups/memberships").with(user(fixture.analyst)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"items\":[]}")).andExpect(status().isForbidden());
        mvc.perform(get("/groups").with(user(fixture.agent))).andExpect(status().isForbidden());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v1/groups/" + group)
                .with(user(fixture.admin)).with(csrf())).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/groups/" + group).with(user(fixture.analyst))).andExpect(jsonPath("$.active").value(false));
    }

    /** The person's stretches in the group, as "from/to" ("from/" while open). */
    private List<String> intervals(PersonKey person, GroupId group) {
        return memberships.of(person).stream().filter(m -> m.group().equals(group))
                .map(m -> m.from() + "/" + (m.to() == null ? "" : m.to())).toList();
    }

    private String attributes(String tag, PersonKey person, List<String[]> items) throws Exception {
        StringBuilder body = new StringBuilder("{\"items\":[");
        for (int i = 0; i < items.size(); i++) {
            String[] item = items.get(i);
            body.append(i == 0 ? "" : ",").append("{\"sourceId\":\"").append(tag).append(item[0]).append("\",\"person\":\"").append(person.value())
                    .append("\",\"name\":\"").append(item[1]).append("\",\"value\":\"").append(item[2]).append("\",\"at\":\"").append(item[3])
                    .append("\"}");
        }
        body.append("]}");
        return mvc.perform(post("/api/v1/groups/attributes").with(user(fixture.admin)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(body.toString())).andExpect(status().isOk()).andExpect(jsonPath("$.rejected").value(0))
                .andReturn().getResponse().getContentAsString();
    }

    static Set<GroupId> set(GroupId... ids) {
        return Set.of(ids);
    }
}
