package nl.buitenin.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import jakarta.servlet.http.Cookie;
import nl.buitenin.groups.internal.Group;
import nl.buitenin.groups.internal.JdbcGroups;
import nl.buitenin.groups.internal.JdbcMemberships;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.Unique;
import nl.buitenin.testing.VisibleText;

/**
 * The administrator's page for groups: the list, creating and changing a group through the same service as the API
 * (a wrong rule is named next to the rule field with the parser's words), retiring one; analysts read the list without
 * buttons and are refused a change, agents are refused the page.
 */
@DatabaseTest
@AutoConfigureMockMvc
class GroupsAdminPageTest {

    static final Cookie DUTCH = new Cookie("buitenin-lang", "nl");

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcGroups groups;
    @Autowired
    JdbcMemberships memberships;

    GroupsFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = GroupsFixture.in(context, mvc);
    }

    @Test
    void anAdministratorCreatesChangesAndRetiresAGroup() throws Exception {
        String nameNl = Unique.name("Stevig");
        String nameEn = Unique.name("Brisk");
        String split = "tempo-" + UUID.randomUUID().toString().substring(0, 6);
        mvc.perform(post("/admin/groups").with(user(fixture.admin)).with(csrf()).cookie(DUTCH).param("nameNl", nameNl).param("nameEn", nameEn)
                .param("descriptionNl", "Wie <b>stevig</b> doorloopt").param("descriptionEn", "Who walks briskly").param("kind", "CHOSEN")
                .param("split", split).param("rule", "")).andExpect(status().is3xxRedirection());
        Group group = groups.all().stream().filter(g -> g.nameNl().equals(nameNl)).findFirst().orElseThrow();
        assertThat(group.kind()).isEqualTo(GroupKind.CHOSEN);
        assertThat(group.split()).isEqualTo(split);
        assertThat(group.descriptionNl()).isEqualTo("Wie <b>stevig</b> doorloopt");

        String list = mvc.perform(get("/admin/groups").with(user(fixture.admin)).cookie(DUTCH)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        String text = VisibleText.of(list);
        // The administrator reads English (GroupsFixture), the names in both languages.
        assertThat(text).contains("Manage groups", nameNl, nameEn, "chosen by the person", split, "New group", "Change", "Retire");
        assertThat(VisibleText.problems(list)).isEmpty();
        // The API reads the same group: one path.
        String api = mvc.perform(get("/api/v1/groups/" + group.id()).with(user(fixture.analyst))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(api).contains(nameNl, split);

        String edit = mvc.perform(get("/admin/groups/" + group.id()).with(user(fixture.admin)).cookie(DUTCH)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(edit).contains("Wie &lt;b&gt;stevig&lt;/b&gt; doorloopt").doesNotContain("<b>stevig</b>");
        mvc.perform(post("/admin/groups/" + group.id()).with(user(fixture.admin)).with(csrf()).cookie(DUTCH).param("nameNl", nameNl + " nu")
                .param("nameEn", nameEn).param("descriptionNl", "").param("descriptionEn", "").param("kind", "CHOSEN").param("split", split)
                .param("rule", "")).andExpect(status().is3xxRedirection());
        assertThat(groups.byId(group.id()).orElseThrow().nameNl()).isEqualTo(nameNl + " nu");

        mvc.perform(post("/admin/groups/" + group.id() + "/retire").with(user(fixture.admin)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(groups.byId(group.id()).orElseThrow().active()).isFalse();
        assertThat(VisibleText.of(mvc.perform(get("/admin/groups").with(user(fixture.admin)).cookie(DUTCH)).andReturn().getResponse()
                .getContentAsString())).contains(nameNl + " nu");
    }

    @Test
    void aWrongRuleAndMissingNamesAreNamedNextToTheirFields() throws Exception {
        String page = mvc.perform(post("/admin/groups").with(user(adminNl())).with(csrf()).param("nameNl", "")
                .param("nameEn", Unique.name("Many")).param("kind", "RULE").param("split", "").param("rule", "trips >= veel"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        String text = VisibleText.of(page);
        assertThat(text).contains("Naam (Nederlands):", "Regel:", "'trips' vergelijkt met < of > alleen met een getal, niet met 'veel'.");
        assertThat(page).containsPattern("id=\"e-rule\">\\s*<span>[^<]*&#39;trips&#39; vergelijkt");
        assertThat(page).containsPattern("id=\"e-nameNl\">");
        assertThat(page).contains("value=\"trips &gt;= veel\"");
        assertThat(VisibleText.problems(page)).isEmpty();

        String english = VisibleText.of(mvc.perform(post("/admin/groups").with(user(fixture.admin)).with(csrf())
                .cookie(new Cookie("buitenin-lang", "en")).param("nameNl", Unique.name("Veel")).param("nameEn", Unique.name("Many"))
                .param("kind", "RULE").param("rule", "age_band = 18-34 or age_band = 35-54")).andReturn().getResponse().getContentAsString());
        assertThat(english).contains("Rule:", "Conditions are joined with 'and'; here it says 'or'.");
    }

    @Test
    void analystsReadTheListWithoutButtonsAndAreRefusedChangesAgentsTheWholePage() throws Exception {
        GroupId id = fixture.group("CHOSEN", null, null);
        String name = groups.byId(id).orElseThrow().nameNl();
        String list = mvc.perform(get("/admin/groups").with(user(fixture.analystNl)).cookie(DUTCH)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(VisibleText.of(list)).contains(name).doesNotContain("Nieuwe groep").doesNotContain("Wijzigen").doesNotContain("Opheffen");
        mvc.perform(get("/admin/groups/new").with(user(fixture.analyst))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/groups/" + id).with(user(fixture.analyst))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/groups").with(user(fixture.analyst)).with(csrf()).param("nameNl", "x").param("nameEn", "y").param("kind", "CHOSEN"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/groups/" + id + "/retire").with(user(fixture.analyst)).with(csrf())).andExpect(status().isForbidden());
        assertThat(groups.byId(id).orElseThrow().active()).isTrue();
        mvc.perform(get("/admin/groups").with(user(fixture.agent))).andExpect(status().isForbidden());
        assertThat(groups.all().stream().noneMatch(g -> g.nameNl().equals("x"))).isTrue();
        assertThat(memberships.sizes(Instant.now())).isNotNull();
    }

    /** An administrator who reads the pages in Dutch (the fixture's read English). */
    private nl.buitenin.access.internal.StoredUser adminNl() {
        var users = context.getBean(nl.buitenin.access.internal.JdbcUsers.class);
        String name = "gr-nl-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new nl.buitenin.access.Users.NewUser(name, name, "a long enough password", java.util.Set.of(nl.buitenin.access.Role.ADMIN),
                null, "nl", false));
        return users.storedByUsername(name).orElseThrow();
    }
}
