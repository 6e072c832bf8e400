package nl.buitenin.signals.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import nl.buitenin.access.Role;
import nl.buitenin.access.Users.NewUser;
import nl.buitenin.access.internal.JdbcUsers;
import nl.buitenin.access.internal.StoredUser;
import nl.buitenin.journey.Channel;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.internal.JdbcJourneys;
import nl.buitenin.journey.internal.Names;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.listening.internal.answers.Completions;
import nl.buitenin.listening.internal.answers.GivenAnswer;
import nl.buitenin.listening.internal.answers.ResponseChannel;
import nl.buitenin.listening.internal.answers.SurveyFixtures;
import nl.buitenin.loop.ThemeDefinition;
import nl.buitenin.loop.ThemeTagging;
import nl.buitenin.loop.ThemeTaxonomy;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.privacy.Persons;
import nl.buitenin.privacy.SmallCellRule;
import nl.buitenin.signals.internal.market.JdbcMarketSignals;
import nl.buitenin.signals.internal.market.SignalThemes;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.Unique;

/**
 * Themes linked to a market signal: stored once per theme and removed with the signal; the chain counts per month, the
 * last six months, the comments tagged with each theme, hiding a month of fewer than k; unknown themes are refused by
 * their index in the reader's language; only analysts and administrators link or unlink.
 */
@DatabaseTest
@AutoConfigureMockMvc
class SignalThemesTest {

    static final String API = "/api/v1/signals/market";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcUsers users;
    @Autowired
    ThemeTaxonomy taxonomy;
    @Autowired
    ThemeTagging tagging;
    @Autowired
    SignalThemes signalThemes;
    @Autowired
    JdbcMarketSignals stored;
    @Autowired
    SmallCellRule smallCells;
    @Autowired
    Organisations organisations;
    @Autowired
    Completions completions;
    @Autowired
    Persons persons;
    @Autowired
    JdbcJourneys journeys;
    @Autowired
    JdbcSurveys surveys;

    StoredUser analyst;
    StoredUser agent;
    Survey survey;
    TouchpointId touchpoint;
    ZoneId zone;

    @BeforeEach
    void setUp() {
        analyst = staff(Role.ANALYST);
        agent = staff(Role.AGENT);
        zone = organisations.current().timeZone();
        touchpoint = journeys.addTouchpoint(
                journeys.addStage(journeys.createJourney(new Names(Unique.name("Wandelreis"), Unique.name("Walking trip"))),
                        new Names("Onderweg", "On the way")),
                new Names(Unique.name("Wandeling"), Unique.name("Walk")), Channel.LOCATION, null);
        survey = Survey.draft(SurveyFixtures.tripEvaluation(), Instant.now());
        survey.publish(Instant.now());
        surveys.add(survey);
    }

    StoredUser staff(Role role) {
        String name = "st-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new NewUser(name, "Staff " + name, "a long enough password", Set.of(role), null, "en", false));
        return users.storedByUsername(name).orElseThrow();
    }

    ResultActions send(MockHttpServletRequestBuilder request, StoredUser who, String language, String body) throws Exception {
        return mvc.perform(request.with(user(who)).with(csrf()).header("Accept-Language", language).contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    String signal() throws Exception {
        String created = send(post(API), agent, "en", "{\"kind\":\"DEMAND_SHIFT\",\"title\":\"" + Unique.name("Verre reizen")
                + "\",\"source\":\"balie\",\"noticedOn\":\"" + YearMonth.now(zone).atDay(1) + "\",\"description\":\"Meer vragen.\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(created, "$.id");
    }

    ThemeDefinition theme() {
        return taxonomy.add(Unique.name("aanbod"), Unique.name("range"), List.of());
    }

    /** n completed responses on the 15th at noon of the month, each tagged with the theme when given. */
    void answers(int n, YearMonth month, ThemeDefinition theme) {
        Instant at = month.atDay(15).atTime(LocalTime.NOON).atZone(zone).toInstant();
        for (int i = 0; i < n; i++) {
            UUID response = completions.replay(List.of(Completions.Completion.received(survey, touchpoint,
                    persons.keyFor("klant-" + UUID.randomUUID()), "test:" + UUID.randomUUID(), ResponseChannel.EMAIL, "nl",
                    List.of(GivenAnswer.score("nps", 7)), at))).get(0).orElseThrow().response();
            if (theme != null) {
                tagging.tagAnswer(response, theme.id(), "analist", ThemeTagging.Tagger.USER);
            }
        }
    }

    @Test
    void linkedThemesAreStoredOnceAndGoWithTheSignal() throws Exception {
        UUID id = UUID.fromString(signal());
        ThemeDefinition a = theme();
        ThemeDefinition b = theme();
        signalThemes.link(id, List.of(a.id().value().toString(), " " + b.id().value() + " "));
        signalThemes.link(id, List.of(a.id().value().toString()));
        assertThat(stored.themes(id)).containsExactlyInAnyOrder(a.id().value(), b.id().value());

        signalThemes.unlink(id, b.id().value());
        assertThat(stored.themes(id)).containsExactly(a.id().value());

        send(delete(API + "/" + id), analyst, "en", "").andExpect(status().isNoContent());
        assertThat(stored.themes(id)).isEmpty();
    }

    @Test
    void commentsPerMonthOverTheLastSixMonthsWithSmallMonthsHidden() throws Exception {
        int k = smallCells.k();
        ThemeDefinition theme = theme();
        ThemeDefinition other = theme();
        YearMonth now = YearMonth.now(zone);
        answers(k + 1, now.minusMonths(2), theme);
        answers(k - 1, now.minusMonths(4), theme);
        answers(k, now.minusMonths(6), theme); // seven months ago counting this one: outside the window
        answers(k, now.minusMonths(2), other); // another theme
        answers(3, now.minusMonths(2), null); // untagged

        String id = signal();
        String json = send(post(API + "/" + id + "/themes"), analyst, "en", "{\"themes\":[\"" + theme.id().value() + "\"]}")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(json, "$.themes[*].nameNl")).containsExactly(theme.nameNl());
        List<String> months = new ArrayList<>();
        for (int i = 5; i >= 0; i--) {
            months.add(now.minusMonths(i).toString());
        }
        assertThat(JsonPath.<List<String>>read(json, "$.themes[0].months[*].month")).containsExactlyElementsOf(months);
        assertThat(JsonPath.<List<Integer>>read(json, "$.themes[0].months[*].comments"))
                .containsExactly(0, null, 0, k + 1, 0, 0);
        assertThat(JsonPath.<List<Integer>>read(json, "$.themes[0].months[*].fewerThan"))
                .containsExactly(null, k, null, null, null, null);

        String page = mvc.perform(get("/signals/market/" + id).with(user(analyst)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"chain-theme-counts\"", theme.nameEn(), "Comments with these themes", "&lt;" + k, ">" + (k + 1) + "<")
                .doesNotContain(theme.id().value().toString() + "<");
    }

    @Test
    void unknownThemesAreRefusedByTheirIndexInTheReadersLanguage() throws Exception {
        String id = signal();
        String missing = UUID.randomUUID().toString();
        String refused = send(post(API + "/" + id + "/themes"), analyst, "nl", "{\"themes\":[\"" + theme().id().value() + "\",\"geen\",\""
                + missing + "\"]}").andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(refused, "$.errors[*].field")).containsExactly("themes[1]", "themes[2]");
        assertThat(refused).contains("'geen' is geen thema", "'" + missing + "' is geen thema");
        assertThat(stored.themes(UUID.fromString(id))).isEmpty();

        String none = send(post(API + "/" + id + "/themes"), analyst, "en", "{\"themes\":[]}").andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(none, "$.errors[*].field")).containsExactly("themes");
        assertThat(none).contains("Choose at least one theme.");
        assertThatThrownBy(() -> signalThemes.link(UUID.fromString(id), null)).isInstanceOf(InvalidInputException.class);

        send(post(API + "/" + UUID.randomUUID() + "/themes"), analyst, "en", "{\"themes\":[\"" + theme().id().value() + "\"]}")
                .andExpect(status().isNotFound());
    }

    @Test
    void onlyAnalystsAndAdministratorsLinkThemes() throws Exception {
        String id = signal();
        ThemeDefinition theme = theme();
        send(post(API + "/" + id + "/themes"), agent, "en", "{\"themes\":[\"" + theme.id().value() + "\"]}").andExpect(status().isForbidden());
        mvc.perform(post("/signals/market/" + id + "/themes").with(user(agent)).with(csrf()).param("theme", theme.id().value().toString()))
                .andExpect(status().isForbidden());
        assertThat(stored.themes(UUID.fromString(id))).isEmpty();

        mvc.perform(post("/signals/market/" + id + "/themes").with(user(analyst)).with(csrf()).param("theme", theme.id().value().toString()))
                .andExpect(status().is3xxRedirection());
        assertThat(stored.themes(UUID.fromString(id))).containsExactly(theme.id().value());
        send(delete(API + "/" + id + "/themes/" + theme.id().value()), agent, "en", "").andExpect(status().isForbidden());
        mvc.perform(post("/signals/market/" + id + "/themes/" + theme.id().value() + "/remove").with(user(agent)).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(stored.themes(UUID.fromString(id))).containsExactly(theme.id().value());

        send(delete(API + "/" + id + "/themes/" + theme.id().value()), analyst, "en", "").andExpect(status().isOk());
        assertThat(stored.themes(UUID.fromString(id))).isEmpty();
    }
}
