package nl.buitenin.signals.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import nl.buitenin.access.Role;
import nl.buitenin.access.Users.NewUser;
import nl.buitenin.access.internal.JdbcUsers;
import nl.buitenin.access.internal.StoredUser;
import nl.buitenin.platform.InvalidInputException.FieldError;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.Unique;
import nl.buitenin.testing.VisibleText;

/**
 * The pages' forms: a missed sale logged from a quick pick keeps the channel and location for the next one and records
 * who logged it; a form without what or why names both fields; a signal recorded on the page opens its chain; only
 * analysts and administrators decide.
 */
@DatabaseTest
@AutoConfigureMockMvc
class SignalsPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcUsers users;
    @Autowired
    JdbcClient jdbc;

    StoredUser agent;
    StoredUser analyst;

    @BeforeEach
    void staff() {
        agent = staff(Role.AGENT);
        analyst = staff(Role.ANALYST);
    }

    StoredUser staff(Role role) {
        String name = "sp-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new NewUser(name, "Staff " + name, "a long enough password", Set.of(role), null, "nl", false));
        return users.storedByUsername(name).orElseThrow();
    }

    @Test
    void aMissedSaleFromAQuickPickKeepsWhereItWasLoggedAndWhoLoggedIt() throws Exception {
        String thing = Unique.name("Cuba");
        mvc.perform(post("/signals/missed").with(user(agent)).with(csrf()).param("suggested", thing).param("askedFor", "")
                .param("channel", "PHONE").param("location", "Utrecht").param("reason", "SOLD_OUT"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/signals/missed?channel=PHONE&location=Utrecht"))
                .andExpect(flash().attribute("saved", thing));
        assertThat(jdbc.sql("select recorded_by from signals_missed_sale where asked_for = :t").param("t", thing).query(UUID.class).single())
                .isEqualTo(agent.id().value());

        String page = mvc.perform(get("/signals/missed").param("channel", "PHONE").param("location", "Utrecht").with(user(agent)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).containsPattern("<option value=\"PHONE\" selected(=\"selected\")?>").contains("value=\"Utrecht\"", thing);
        assertThat(VisibleText.problems(page)).isEmpty();
    }

    @Test
    void aFormWithoutWhatOrWhyNamesBothFields() throws Exception {
        MvcResult result = mvc.perform(post("/signals/missed").with(user(agent)).with(csrf()).param("askedFor", " ").param("channel", "WEB"))
                .andExpect(status().is3xxRedirection()).andReturn();
        @SuppressWarnings("unchecked")
        List<FieldError> errors = (List<FieldError>) result.getFlashMap().get("errors");
        assertThat(errors).extracting(FieldError::field).containsExactly("askedFor", "reason");
    }

    @Test
    void aSignalRecordedOnThePageOpensItsChainAndOnlyAnalystsDecide() throws Exception {
        String title = Unique.name("Nieuwe concurrent");
        MvcResult created = mvc.perform(post("/signals/market").with(user(agent)).with(csrf()).param("kind", "NEW_COMPETITOR")
                .param("title", title).param("source", "beurs").param("noticedOn", LocalDate.now().minusDays(3).toString())
                .param("description", "Een nieuwe aanbieder van wandelreizen.")).andExpect(status().is3xxRedirection()).andReturn();
        String chain = created.getResponse().getRedirectedUrl();
        assertThat(chain).startsWith("/signals/market/");
        String page = mvc.perform(get(chain).with(user(agent))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(VisibleText.of(page)).contains(title, "nieuwe concurrent", "1. Signaal van buiten", "Nog geen besluit");
        assertThat(VisibleText.problems(page)).isEmpty();
        assertThat(page).as("the decision forms are for analysts").doesNotContain("id=\"decision-forms\"");

        mvc.perform(post(chain + "/decision").with(user(agent)).with(csrf()).param("decision", "NO_ACTION").param("reason", "x"))
                .andExpect(status().isForbidden());
        mvc.perform(post(chain + "/decision").with(user(analyst)).with(csrf()).param("decision", "NO_ACTION").param("reason", "Past niet."))
                .andExpect(status().is3xxRedirection());
        String decided = mvc.perform(get(chain).with(user(analyst))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(VisibleText.of(decided)).contains("besloten niets te doen", "Past niet.", "Geen verbeteractie.");
        assertThat(decided).contains("id=\"decision-forms\"");
    }
}
