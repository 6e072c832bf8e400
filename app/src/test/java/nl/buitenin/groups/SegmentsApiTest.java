package nl.buitenin.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import nl.buitenin.groups.internal.JdbcMemberships;
import nl.buitenin.groups.internal.JdbcSegments;
import nl.buitenin.groups.internal.Membership;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.Unique;

/**
 * The segment finder through its API on H2 and PostgreSQL: 20 warm members (NPS 9–10, aged 65+) and 20 cold ones
 * (NPS 0–2, aged 18–34) are never put in one segment; an analyst adopts the warm segment, which becomes a group of kind FOUND with
 * its members from now; proposals are renamed (a blank name refused naming the field) and dismissed; a decided proposal
 * is refused; agents are refused.
 */
@DatabaseTest
@AutoConfigureMockMvc
class SegmentsApiTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcSegments segments;
    @Autowired
    JdbcMemberships memberships;
    @Autowired
    CustomerGroups customerGroups;

    GroupsFixture fixture;
    List<PersonKey> warm = new ArrayList<>();
    List<PersonKey> cold = new ArrayList<>();

    @BeforeEach
    void twoKindsOfMembers() throws Exception {
        fixture = GroupsFixture.in(context, mvc);
        Instant answered = Instant.now().minus(20, ChronoUnit.DAYS);
        StringBuilder items = new StringBuilder();
        String tag = Unique.name("seg");
        for (int i = 0; i < 20; i++) {
            PersonKey w = fixture.person();
            PersonKey c = fixture.person();
            warm.add(w);
            cold.add(c);
            fixture.answered(w, 9 + i % 2, answered.plusSeconds(i));
            fixture.answered(c, i % 3, answered.plusSeconds(i));
            items.append(items.isEmpty() ? "" : ",").append(attribute(tag + "w" + i, w, "65+")).append(',')
                    .append(attribute(tag + "c" + i, c, "18-34"));
        }
        mvc.perform(post("/api/v1/groups/attributes").with(user(fixture.admin)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"items\":[" + items + "]}")).andExpect(status().isOk()).andExpect(jsonPath("$.rejected").value(0));
    }

    private static String attribute(String sourceId, PersonKey person, String value) {
        return "{\"sourceId\":\"" + sourceId + "\",\"person\":\"" + person.value() + "\",\"name\":\"age_band\",\"value\":\"" + value
                + "\",\"at\":\"2024-01-01T00:00:00Z\"}";
    }

    private String propose() throws Exception {
        return mvc.perform(post("/api/v1/groups/segments").with(user(fixture.analyst)).with(csrf()).header("Accept-Language", "nl"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** The open proposal holding most of these people. */
    private UUID holding(String proposals, List<PersonKey> people) {
        List<String> ids = JsonPath.read(proposals, "$[*].id");
        UUID best = null;
        long most = -1;
        for (String id : ids) {
            List<PersonKey> members = segments.members(UUID.fromString(id));
            long count = people.stream().filter(members::contains).count();
            if (count > most) {
                most = count;
                best = UUID.fromString(id);
            }
        }
        return best;
    }

    @Test
    void anAnalystAdoptsTheWarmSegmentAsAGroupFoundInTheData() throws Exception {
        String proposals = propose();
        List<Integer> sizes = JsonPath.read(proposals, "$[*].size");
        assertThat(sizes).isNotEmpty().allSatisfy(size -> assertThat(size).isGreaterThanOrEqualTo(5));
        // No proposal mixes warm and cold members (other tests' people may be there too, and the search may split
        // the warm ones further, by score 9 and 10).
        for (String id : JsonPath.<List<String>>read(proposals, "$[*].id")) {
            List<PersonKey> inside = segments.members(UUID.fromString(id));
            assertThat(warm.stream().anyMatch(inside::contains) && cold.stream().anyMatch(inside::contains)).as("mixed %s", id).isFalse();
        }
        UUID warmSegment = holding(proposals, warm);
        List<PersonKey> members = segments.members(warmSegment);
        List<PersonKey> warmInside = warm.stream().filter(members::contains).toList();
        assertThat(warmInside).as("warm members found together").hasSizeGreaterThanOrEqualTo(10);
        Map<String, Object> proposal = JsonPath.<List<Map<String, Object>>>read(proposals, "$[?(@.id == '" + warmSegment + "')]").get(0);
        List<String> texts = JsonPath.read(proposal, "$.traits[*].text");
        assertThat(String.join(" | ", texts)).containsAnyOf("NPS gemiddeld", "age_band 65+:");

        String nameNl = Unique.name("Warme leden");
        String adopted = mvc.perform(post("/api/v1/groups/segments/" + warmSegment + "/adopt").with(user(fixture.analyst)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"nameNl\":\"" + nameNl + "\",\"nameEn\":\"" + Unique.name("Warm") + "\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.kind").value("FOUND")).andExpect(jsonPath("$.nameNl").value(nameNl))
                .andReturn().getResponse().getContentAsString();
        GroupId group = new GroupId(UUID.fromString(JsonPath.read(adopted, "$.group")));
        Instant later = Instant.now().plusSeconds(1);
        for (PersonKey person : warmInside) {
            assertThat(customerGroups.of(person, later)).contains(group);
            assertThat(memberships.of(person)).filteredOn(m -> m.group().equals(group)).singleElement()
                    .satisfies(m -> assertThat(m.origin()).isEqualTo(Membership.Origin.FOUND));
        }
        assertThat(customerGroups.of(cold.get(0), later)).doesNotContain(group);
        assertThat(segments.members(warmSegment)).as("a decided proposal keeps no members").isEmpty();
        String open = mvc.perform(get("/api/v1/groups/segments").with(user(fixture.analyst))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(open, "$[*].id")).doesNotContain(warmSegment.toString());
        mvc.perform(post("/api/v1/groups/segments/" + warmSegment + "/adopt").with(user(fixture.analyst)).with(csrf()))
                .andExpect(status().isConflict());
        mvc.perform(get("/api/v1/groups/" + group.value()).with(user(fixture.analyst))).andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("FOUND"));
    }

    @Test
    void anAnalystRenamesAndDismissesAProposal() throws Exception {
        UUID id = holding(propose(), cold);
        mvc.perform(put("/api/v1/groups/segments/" + id).with(user(fixture.analyst)).with(csrf()).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"nameNl\":\" \",\"nameEn\":\"Critics\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("nameNl"));
        mvc.perform(put("/api/v1/groups/segments/" + id).with(user(fixture.analyst)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"nameNl\":\"Critici\",\"nameEn\":\"Critics\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.nameNl").value("Critici")).andExpect(jsonPath("$.nameEn").value("Critics"));
        mvc.perform(post("/api/v1/groups/segments/" + id + "/dismiss").with(user(fixture.analyst)).with(csrf())).andExpect(status().isOk());
        String open = mvc.perform(get("/api/v1/groups/segments").with(user(fixture.analyst))).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(open, "$[*].id")).doesNotContain(id.toString());
        mvc.perform(post("/api/v1/groups/segments/" + id + "/dismiss").with(user(fixture.analyst)).with(csrf()).header("Accept-Language", "nl"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/groups/segments/" + UUID.randomUUID() + "/dismiss").with(user(fixture.analyst)).with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void agentsAreRefusedAndAdministratorsMayPropose() throws Exception {
        mvc.perform(get("/api/v1/groups/segments").with(user(fixture.agent))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/groups/segments").with(user(fixture.agent)).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/groups/segments").with(user(fixture.agent))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/groups/segments").with(user(fixture.admin)).with(csrf())).andExpect(status().isOk());
        mvc.perform(get("/groups/segments").with(user(fixture.analystNl))).andExpect(status().isOk());
    }
}
