package nl.buitenin.organisation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import nl.buitenin.access.Role;
import nl.buitenin.access.Users.NewUser;
import nl.buitenin.access.internal.JdbcUsers;
import nl.buitenin.access.internal.StoredUser;
import nl.buitenin.loop.internal.Teams;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.VisibleText;

/**
 * The start page shows each role the panels it acts on and no other: the CX manager (analyst) response, scores,
 * closing the loop and rising themes; an agent their work; an agent who leads a team also their team; the planner
 * today's demand; the privacy officer requests and retention; the administrator none. A user with two roles sees both
 * roles' panels. No page shows an id or a message key.
 */
@DatabaseTest
@AutoConfigureMockMvc
class StartPageRolesTest {

    private static final Pattern PANEL_HEADING = Pattern.compile("<h2 id=\"panel-\\d+\">([^<]*)</h2>");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcUsers users;
    @Autowired
    Teams teams;

    StoredUser stored(Set<Role> roles, String team) {
        String name = "start-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new NewUser(name, name, "a long enough password", roles, team, "nl", false));
        return users.storedByUsername(name).orElseThrow();
    }

    List<String> panels(StoredUser who) throws Exception {
        String html = mvc.perform(get("/").with(user(who))).andReturn().getResponse().getContentAsString();
        String text = VisibleText.of(html);
        assertThat(VisibleText.problems(html)).as("ids or keys on the start page: %s", text).isEmpty();
        List<String> headings = new ArrayList<>();
        Matcher m = PANEL_HEADING.matcher(html);
        while (m.find()) {
            headings.add(HtmlUtils.htmlUnescape(m.group(1)));
        }
        return headings;
    }

    @Test
    void eachRoleSeesOnlyItsPanels() throws Exception {
        assertThat(panels(stored(Set.of(Role.ANALYST), null))).containsExactly("Respons (laatste 30 dagen)",
                "Scores per klantreis (laatste 12 weken)", "De lus sluiten", "Thema's in opkomst (laatste 4 weken)");
        assertThat(panels(stored(Set.of(Role.AGENT), "team-" + UUID.randomUUID().toString().substring(0, 8)))).containsExactly("Mijn werk");
        assertThat(panels(stored(Set.of(Role.PLANNER), null))).containsExactly("Drukte vandaag", "Bezetting komende dagen");
        assertThat(panels(stored(Set.of(Role.PRIVACY_OFFICER), null))).containsExactly("Privacy: verzoeken en bewaartermijnen");
        assertThat(panels(stored(Set.of(Role.ADMIN), null))).isEmpty();
        assertThat(panels(stored(Set.of(Role.PLANNER, Role.PRIVACY_OFFICER), null)))
                .containsExactly("Drukte vandaag", "Bezetting komende dagen", "Privacy: verzoeken en bewaartermijnen");
    }

    @Test
    void onlyTheAgentWhoLeadsTheTeamSeesTheTeamPanel() throws Exception {
        String team = "team-" + UUID.randomUUID().toString().substring(0, 8);
        StoredUser lead = stored(Set.of(Role.AGENT), team);
        StoredUser member = stored(Set.of(Role.AGENT), team);
        teams.save(new Teams.Team(team, lead.id().value()));
        assertThat(panels(lead)).containsExactly("Mijn werk", "Mijn team");
        assertThat(panels(member)).containsExactly("Mijn werk");
    }

    /** A panel without figures says why in words (another class sharing this database may have stored counts). */
    @Test
    void aPanelWithoutFiguresSaysWhyInWords() throws Exception {
        String html = mvc.perform(get("/").with(user(stored(Set.of(Role.PLANNER), null)))).andReturn().getResponse().getContentAsString();
        assertThat(VisibleText.of(html)).containsAnyOf("Nog geen aantallen: importeer ze onder Drukte en bezetting.",
                "Vandaag zijn nog geen aantallen binnen.", "Contacten vandaag tot nu");
    }
}
