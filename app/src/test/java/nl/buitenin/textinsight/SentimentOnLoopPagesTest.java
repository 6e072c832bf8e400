package nl.buitenin.textinsight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.test.web.servlet.MockMvc;

import nl.buitenin.access.Role;
import nl.buitenin.access.Users.NewUser;
import nl.buitenin.access.internal.JdbcUsers;
import nl.buitenin.access.internal.StoredUser;
import nl.buitenin.journey.Channel;
import nl.buitenin.loop.CaseSource;
import nl.buitenin.loop.CaseType;
import nl.buitenin.loop.internal.CaseFile;
import nl.buitenin.loop.internal.CaseWork;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.EventsHandled;
import nl.buitenin.testing.VisibleText;

/**
 * Loop's pages show the sentiment text insight read: the comments page per answer in words, filtered by sentiment, and
 * an analyst corrects it in place (the journey map's latest comments of a touchpoint say it too); the case page shows the case text's sentiment to its agents, and only an agent who
 * is also an analyst may correct it (a plain agent sees no form and is refused). No ids or keys on the pages.
 */
@DatabaseTest
@AutoConfigureMockMvc
class SentimentOnLoopPagesTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    EventPublicationRegistry registry;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JdbcUsers users;
    @Autowired
    CaseWork work;

    TextInsightFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = TextInsightFixture.in(context);
    }

    @Test
    void theCommentsPageShowsEachAnswersSentimentAndAnAnalystCorrectsItInPlace() throws Exception {
        StoredUser analyst = newUser(Set.of(Role.ANALYST), null);
        EventsHandled handled = EventsHandled.since(registry);
        UUID sour = fixture.answered(fixture.person("Bram"), "De gids was onvriendelijk en het hotel was vies. Nooit meer.");
        UUID sweet = fixture.answered(fixture.person("Cato"), "Prachtige route en een geweldige gids, heel fijn georganiseerd!");
        handled.await();
        String touchpoint = fixture.touchpoint.value().toString();

        String page = page("/loop/comments?touchpoint=" + touchpoint, analyst);
        assertThat(answer(page, sour)).contains("negatief").contains("Gevoel aanpassen").doesNotContain("door een analist aangepast");
        assertThat(answer(page, sweet)).contains("positief");
        assertThat(VisibleText.problems(page)).isEmpty();

        // The journey map's latest comments of the touchpoint say it too, for an agent as well.
        String onTheMap = VisibleText.of(page("/listening/touchpoints/" + touchpoint + "/comments", newUser(Set.of(Role.AGENT), null)));
        assertThat(onTheMap).contains("Gevoel: − negatief").contains("Gevoel: + positief");

        String negatives = page("/loop/comments?touchpoint=" + touchpoint + "&sentiment=NEGATIVE", analyst);
        assertThat(negatives).contains("answer-" + sour).doesNotContain("answer-" + sweet);
        assertThat(page("/loop/comments?touchpoint=" + touchpoint + "&sentiment=positive", analyst))
                .contains("answer-" + sweet).doesNotContain("answer-" + sour);

        String fragment = mvc.perform(post("/loop/comments/" + sour + "/sentiment").param("label", "NEUTRAL").param("touchpoint", touchpoint)
                        .header("HX-Request", "true").with(user(analyst)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(fragment).startsWith("<li").contains("neutraal").contains("door een analist aangepast");
        assertThat(label(sour)).isEqualTo("neutral");
        assertThat(jdbc.sql("select corrected_by from textinsight_analysis where source_kind = 'COMMENT' and source_ref = :r")
                .param("r", sour.toString()).query(String.class).single()).isEqualTo(analyst.getUsername());
        // The correction counts in the filter at once: the answer is no longer among the negative ones.
        assertThat(page("/loop/comments?touchpoint=" + touchpoint + "&sentiment=NEGATIVE", analyst)).doesNotContain("answer-" + sour);
        assertThat(page("/loop/comments?touchpoint=" + touchpoint + "&sentiment=NEUTRAL", analyst)).contains("answer-" + sour);
    }

    @Test
    void aWrongLabelOrFilterIsNamedInTheReadersLanguage() throws Exception {
        StoredUser analyst = newUser(Set.of(Role.ANALYST), null);
        EventsHandled handled = EventsHandled.since(registry);
        UUID response = fixture.answered(fixture.person("Dirk"), "Het eten was koud.");
        handled.await();

        // A page speaks the user's language (this analyst's is Dutch) and names the field.
        String refused = mvc.perform(post("/loop/comments/" + response + "/sentiment").param("label", "boos").header("HX-Request", "true")
                        .with(user(analyst)).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(VisibleText.of(refused)).contains("label : kies negatief, neutraal of positief");
        assertThat(label(response)).isNull();
        String page = VisibleText.of(page("/loop/comments?sentiment=boos", analyst));
        assertThat(page).contains("sentiment : kies negatief, neutraal of positief");
        // An answer that was never analysed cannot be corrected.
        mvc.perform(post("/loop/comments/" + UUID.randomUUID() + "/sentiment").param("label", "POSITIVE").header("HX-Request", "true")
                        .with(user(analyst)).with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void anAgentSeesTheCaseTextsSentimentAndOnlyAnAnalystAgentCorrectsIt() throws Exception {
        String team = "team-" + UUID.randomUUID().toString().substring(0, 8);
        StoredUser agent = newUser(Set.of(Role.AGENT), team);
        StoredUser analystAgent = newUser(Set.of(Role.AGENT, Role.ANALYST), team);
        EventsHandled handled = EventsHandled.since(registry);
        CaseFile complaint = work.open(new CaseWork.Opening(CaseSource.complaint("klacht-" + UUID.randomUUID().toString().substring(0, 8)), CaseType.COMPLAINT,
                fixture.person("Eva"), null, Channel.PHONE, team, null, "De bus was veel te laat en niemand belde ons terug. Slecht geregeld."),
                "test", Instant.now()).file();
        handled.await();
        String id = complaint.id().value().toString();
        assertThat(jdbc.sql("select coalesce(corrected_label, label) from textinsight_analysis where source_kind = 'CASE' and source_ref = :r")
                .param("r", id).query(String.class).single()).isEqualTo("negative");

        String seen = page("/cases/" + id, agent);
        assertThat(VisibleText.of(seen)).contains("Gevoel").contains("negatief");
        assertThat(seen).doesNotContain("/cases/" + id + "/sentiment").doesNotContain("Gevoel aanpassen");
        assertThat(VisibleText.problems(seen)).isEmpty();
        mvc.perform(post("/cases/" + id + "/sentiment").param("label", "POSITIVE").with(user(agent)).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(caseLabel(id)).isNull();

        assertThat(page("/cases/" + id, analystAgent)).contains("Gevoel aanpassen");
        mvc.perform(post("/cases/" + id + "/sentiment").param("label", "NEUTRAL").with(user(analystAgent)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(caseLabel(id)).isEqualTo("neutral");
        assertThat(VisibleText.of(page("/cases/" + id, agent))).contains("neutraal").contains("door een analist aangepast");

        // An analyst of another team may not see the case, so may not correct it either.
        StoredUser outsider = newUser(Set.of(Role.AGENT, Role.ANALYST), "team-" + UUID.randomUUID().toString().substring(0, 8));
        mvc.perform(post("/cases/" + id + "/sentiment").param("label", "POSITIVE").with(user(outsider)).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(caseLabel(id)).isEqualTo("neutral");
    }

    private String page(String path, StoredUser who) throws Exception {
        return mvc.perform(get(path).with(user(who))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static String answer(String page, UUID response) {
        Matcher li = Pattern.compile("<li class=\"answer\" id=\"answer-" + response + "\">(.*?)</li>\\s*(<li class=\"answer\"|</ul>\\s*<p|</ul>\\s*</section)",
                Pattern.DOTALL).matcher(page);
        assertThat(li.find()).as("answer %s on the page", response).isTrue();
        return VisibleText.of(li.group(1)) + li.group(1);
    }

    private String label(UUID response) {
        return jdbc.sql("select corrected_label from textinsight_analysis where source_kind = 'COMMENT' and source_ref = :r")
                .param("r", response.toString()).query(String.class).list().get(0);
    }

    private String caseLabel(String id) {
        return jdbc.sql("select corrected_label from textinsight_analysis where source_kind = 'CASE' and source_ref = :r")
                .param("r", id).query(String.class).list().get(0);
    }

    private StoredUser newUser(Set<Role> roles, String team) {
        String name = "u-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new NewUser(name, name, "a long enough password", roles, team, "nl", false));
        return users.storedByUsername(name).orElseThrow();
    }
}
