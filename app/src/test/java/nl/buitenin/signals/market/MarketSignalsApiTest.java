package nl.buitenin.signals.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import nl.buitenin.access.Role;
import nl.buitenin.access.UserId;
import nl.buitenin.access.Users.NewUser;
import nl.buitenin.access.internal.JdbcUsers;
import nl.buitenin.access.internal.StoredUser;
import nl.buitenin.loop.ActionId;
import nl.buitenin.loop.ImprovementActions;
import nl.buitenin.loop.ThemeDefinition;
import nl.buitenin.loop.ThemeTaxonomy;
import nl.buitenin.loop.internal.Improving;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.Unique;

/**
 * Market signals through the API: recorded by any member of staff with owner and age, refused naming each wrong field
 * in the reader's language, missed sales grouped into them by what was asked for (any spelling), and linked to what was
 * done — a new action planned in loop, an existing one, or a decision not to act with its reason — with the action's
 * status read from loop, so completing it there shows in the chain. Wrong roles are refused.
 */
@DatabaseTest
@AutoConfigureMockMvc
class MarketSignalsApiTest {

    static final String API = "/api/v1/signals/market";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcUsers users;
    @Autowired
    ThemeTaxonomy themes;
    @Autowired
    ImprovementActions actions;
    @Autowired
    Improving improving;
    @Autowired
    Organisations organisations;

    StoredUser analyst;
    StoredUser agent;
    LocalDate today;

    @BeforeEach
    void staff() {
        analyst = staff(Role.ANALYST);
        agent = staff(Role.AGENT);
        today = LocalDate.now(organisations.current().timeZone());
    }

    StoredUser staff(Role role) {
        String name = "sg-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new NewUser(name, "Staff " + name, "a long enough password", Set.of(role), null, "en", false));
        return users.storedByUsername(name).orElseThrow();
    }

    ResultActions send(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, StoredUser who, String language,
            String body) throws Exception {
        return mvc.perform(request.with(user(who)).with(csrf()).header("Accept-Language", language).contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    String signal(StoredUser who, String title, LocalDate noticed) throws Exception {
        String created = send(post(API), who, "en", "{\"kind\":\"demand_shift\",\"title\":\"" + title + "\",\"source\":\"balie Utrecht\","
                + "\"noticedOn\":\"" + noticed + "\",\"description\":\"Meer vragen naar verre reizen.\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(created, "$.id");
    }

    String read(String id) throws Exception {
        return mvc.perform(get(API + "/" + id).with(user(analyst))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    ThemeDefinition theme() {
        return themes.add(Unique.name("aanbod"), Unique.name("range"), List.of());
    }

    @Test
    void anyMemberOfStaffRecordsASignalWithOwnerAndAgeAndWrongFieldsAreNamed() throws Exception {
        String title = Unique.name("Verre reizen");
        String id = signal(agent, title, today.minusDays(12));
        String json = read(id);
        assertThat(JsonPath.<String>read(json, "$.kind")).isEqualTo("DEMAND_SHIFT");
        assertThat(JsonPath.<String>read(json, "$.owner")).isEqualTo(agent.displayName());
        assertThat(JsonPath.<Integer>read(json, "$.ageDays")).isEqualTo(12);
        assertThat(JsonPath.<String>read(json, "$.decision")).isEqualTo("OPEN");

        String refused = send(post(API), agent, "nl", "{\"kind\":\"gerucht\",\"title\":\"" + "x".repeat(201) + "\",\"source\":\" \","
                + "\"noticedOn\":\"" + today.plusDays(1) + "\"}").andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(refused, "$.errors[*].field")).containsExactly("kind", "title", "source", "noticedOn", "description");
        assertThat(refused).contains("'gerucht' is geen soort signaal", "Hoogstens 200 tekens.", "Vul dit in.", "ligt in de toekomst");

        send(put(API + "/" + id), analyst, "en", "{\"kind\":\"NEW_COMPETITOR\",\"title\":\"" + title + "\",\"source\":\"beurs\","
                + "\"noticedOn\":\"" + today.minusDays(20) + "\",\"description\":\"Een nieuwe aanbieder.\"}").andExpect(status().isOk());
        assertThat(JsonPath.<Integer>read(read(id), "$.ageDays")).isEqualTo(20);
    }

    @Test
    void missedSalesAreGroupedByWhatWasAskedForInAnySpelling() throws Exception {
        String thing = Unique.name("Cuba");
        String tag = Unique.name("sg");
        send(post("/api/v1/signals/missed-sales"), agent, "en", "{\"items\":["
                + "{\"sourceId\":\"" + tag + "-1\",\"askedFor\":\"" + thing + "\",\"channel\":\"PHONE\",\"reason\":\"NOT_IN_RANGE\"},"
                + "{\"sourceId\":\"" + tag + "-2\",\"askedFor\":\"" + thing.toUpperCase() + "\",\"channel\":\"WEB\",\"reason\":\"SOLD_OUT\"}]}")
                .andExpect(status().isOk());
        String id = signal(agent, Unique.name("Cuba"), today);
        String grouped = send(post(API + "/" + id + "/missed-sales"), analyst, "en", "{\"things\":[\"  " + thing.toLowerCase() + " \"]}")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(grouped, "$.missedSales[*].thing")).containsExactly(thing.toLowerCase());
        assertThat(JsonPath.<List<Integer>>read(grouped, "$.missedSales[*].missed")).containsExactly(2);
        assertThat(JsonPath.<List<Boolean>>read(grouped, "$.missedSales[*].askersHidden")).containsExactly(true);

        String refused = send(post(API + "/" + id + "/missed-sales"), analyst, "nl", "{\"things\":[\"" + thing + "\",\"Atlantis\"]}")
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(refused, "$.errors[*].field")).containsExactly("things[1]");
        assertThat(refused).contains("Niemand vroeg om 'Atlantis'");
    }

    @Test
    void aDecisionPlansOrLinksAnActionInLoopOrSaysWhyNotAndTheChainFollowsLoop() throws Exception {
        ThemeDefinition theme = theme();
        String id = signal(agent, Unique.name("Verre reizen"), today.minusDays(5));

        String incomplete = send(post(API + "/" + id + "/decision"), analyst, "en", "{\"decision\":\"ACTION\",\"titleNl\":\"Proefreis Cuba\"}")
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(incomplete, "$.errors[*].field")).containsExactly("titleEn", "theme", "dueOn");

        String planned = send(post(API + "/" + id + "/decision"), analyst, "en", "{\"decision\":\"action\",\"titleNl\":\"Proefreis Cuba\","
                + "\"titleEn\":\"Trial trip Cuba\",\"theme\":\"" + theme.id().value() + "\",\"dueOn\":\"" + today.plusMonths(2) + "\"}")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<String>read(planned, "$.decision")).isEqualTo("ACTION");
        assertThat(JsonPath.<Integer>read(planned, "$.ageDays")).as("noticed five days before the decision").isEqualTo(5);
        assertThat(JsonPath.<String>read(planned, "$.action.status")).isEqualTo("PLANNED");
        ActionId action = new ActionId(UUID.fromString(JsonPath.read(planned, "$.action.id")));
        ImprovementActions.Summary inLoop = actions.find(action).orElseThrow();
        assertThat(inLoop.titleEn()).isEqualTo("Trial trip Cuba");
        assertThat(inLoop.progress()).isEqualTo(ImprovementActions.Progress.PLANNED);

        improving.complete(action);
        String done = read(id);
        assertThat(JsonPath.<String>read(done, "$.action.status")).isEqualTo("DONE");
        assertThat(JsonPath.<String>read(done, "$.action.completedAt")).isNotNull();
        assertThat(JsonPath.<Integer>read(done, "$.action.peopleToldBack")).as("nobody raised the new theme").isZero();

        ActionId other = actions.plan(new ImprovementActions.Plan("Bestaande actie", "Existing action", "Uitleg", "Explanation",
                new UserId(analyst.id().value()), today.plusDays(30), Set.of(theme.id())));
        String linked = send(post(API + "/" + id + "/decision"), analyst, "en", "{\"decision\":\"ACTION\",\"action\":\"" + other.value() + "\"}")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<String>read(linked, "$.action.id")).isEqualTo(other.value().toString());
        String unknown = send(post(API + "/" + id + "/decision"), analyst, "nl", "{\"decision\":\"ACTION\",\"action\":\"" + UUID.randomUUID() + "\"}")
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(unknown).contains("\"field\":\"action\"", "is geen bestaande verbeteractie");

        String noReason = send(post(API + "/" + id + "/decision"), analyst, "nl", "{\"decision\":\"NO_ACTION\"}")
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(noReason).contains("\"field\":\"reason\"", "Vul dit in.");
        String notActing = send(post(API + "/" + id + "/decision"), analyst, "en", "{\"decision\":\"NO_ACTION\",\"reason\":\"Past niet bij ons.\"}")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<String>read(notActing, "$.reason")).isEqualTo("Past niet bij ons.");
        assertThat(JsonPath.<Object>read(notActing, "$.action")).isNull();

        String reopened = send(post(API + "/" + id + "/decision"), analyst, "en", "{\"decision\":\"OPEN\"}")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<String>read(reopened, "$.decision")).isEqualTo("OPEN");
        assertThat(JsonPath.<Object>read(reopened, "$.decidedAt")).isNull();
    }

    @Test
    void theWrongRolesAreRefusedAndARemovedSignalIsGone() throws Exception {
        String id = signal(agent, Unique.name("App"), today);
        send(post(API + "/" + id + "/decision"), agent, "en", "{\"decision\":\"OPEN\"}").andExpect(status().isForbidden());
        send(post(API + "/" + id + "/missed-sales"), agent, "en", "{\"things\":[\"x\"]}").andExpect(status().isForbidden());
        mvc.perform(get(API).with(user(agent))).andExpect(status().isForbidden());
        mvc.perform(delete(API + "/" + id).with(user(agent)).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(delete(API + "/" + id).with(user(analyst)).with(csrf())).andExpect(status().isNoContent());
        mvc.perform(get(API + "/" + id).with(user(analyst)).header("Accept-Language", "nl")).andExpect(status().isNotFound());
    }

}
