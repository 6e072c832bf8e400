package nl.buitenin.textinsight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.test.web.servlet.MockMvc;

import nl.buitenin.access.Role;
import nl.buitenin.access.Users.NewUser;
import nl.buitenin.access.internal.JdbcUsers;
import nl.buitenin.access.internal.StoredUser;
import nl.buitenin.loop.CaseSource;
import nl.buitenin.loop.CaseType;
import nl.buitenin.loop.Cases;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.EventsHandled;
import nl.buitenin.testing.VisibleText;

/**
 * The search page: an analyst finds a comment and a case, an agent the case only; a result reads in words (no ids,
 * codes or keys); wrong input is named by its field, in the reader's language.
 */
@DatabaseTest
@AutoConfigureMockMvc
class SearchPageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    EventPublicationRegistry registry;
    @Autowired
    Cases cases;
    @Autowired
    JdbcUsers users;

    TextInsightFixture fixture;
    String word;

    @BeforeEach
    void texts() throws Exception {
        fixture = TextInsightFixture.in(context);
        // A word of its own per test, so the texts of other tests are not found.
        StringBuilder letters = new StringBuilder("zwerfkei");
        java.util.Random random = new java.util.Random();
        for (int i = 0; i < 6; i++) {
            letters.append((char) ('a' + random.nextInt(26)));
        }
        word = letters.toString();
        EventsHandled handled = EventsHandled.since(registry);
        fixture.answered(fixture.person("Ida"), "Bij de " + word + " was het pad modderig.");
        cases.openFor(CaseSource.complaint("s-" + UUID.randomUUID()), CaseType.COMPLAINT, fixture.person("Jan"), fixture.touchpoint,
                "De route langs de " + word + " was afgesloten en niemand zei het.");
        handled.await();
    }

    @Test
    void anAnalystFindsCommentsAndCasesAndAnAgentCasesOnly() throws Exception {
        String analyst = page(staff(Role.ANALYST), word, Locale.forLanguageTag("nl"));
        assertThat(analyst).contains("2 teksten gevonden").contains("opmerking in een antwoord").contains("klacht of zaak")
                .contains("modderig").contains("afgesloten");
        String visible = VisibleText.of(analyst);
        assertThat(VisibleText.problems(analyst)).isEmpty();
        assertThat(visible).doesNotContain("COMMENT").doesNotContain("CASE").doesNotContain(fixture.touchpoint.toString());

        String agent = page(staff(Role.AGENT), word, Locale.forLanguageTag("nl"));
        assertThat(agent).contains("1 tekst gevonden").contains("klacht of zaak").contains("afgesloten").doesNotContain("modderig");
        assertThat(agent).doesNotContain("name=\"source\"");

        String english = page(staff(Role.ANALYST, "en"), word, Locale.ENGLISH);
        assertThat(english).contains("2 texts found").contains("complaint or case");
    }

    @Test
    void wrongInputIsNamedByItsField() throws Exception {
        String page = mvc.perform(get("/search").param("q", word).param("from", "gisteren").param("to", "2026-01-01")
                        .param("touchpoint", "balie").with(user(staff(Role.ANALYST))).locale(Locale.forLanguageTag("nl")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String visible = VisibleText.of(page).replace(" : ", ": ");
        assertThat(visible).contains("from: is geen datum als 2026-03-01: gisteren").contains("touchpoint: is geen contactmoment-id: balie");
        assertThat(visible).doesNotContain("gevonden");

        String tooMany = mvc.perform(get("/search").param("q", "een twee drie vier vijf zes zeven acht negen tien elf")
                        .with(user(staff(Role.ANALYST, "en"))).locale(Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(VisibleText.of(tooMany).replace(" : ", ": ")).contains("q: search for at most 10 words and 200 characters");

        String backwards = mvc.perform(get("/search").param("q", word).param("from", "2026-03-01").param("to", "2026-02-01")
                        .with(user(staff(Role.ANALYST))).locale(Locale.forLanguageTag("nl")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(VisibleText.of(backwards).replace(" : ", ": ")).contains("to: het einde (2026-02-01) ligt voor het begin (2026-03-01)");
    }

    private String page(StoredUser user, String q, Locale locale) throws Exception {
        return mvc.perform(get("/search").param("q", q).with(user(user)).locale(locale)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }

    private StoredUser staff(Role role) {
        return staff(role, "nl");
    }

    private StoredUser staff(Role role, String language) {
        String name = "zoek-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new NewUser(name, name, "a long enough password", Set.of(role), null, language, false));
        return users.storedByUsername(name).orElseThrow();
    }
}
