package nl.buitenin.loop.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import nl.buitenin.insight.ThemeCount;
import nl.buitenin.insight.TouchpointThemes;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.listening.internal.answers.AnswerRecording;
import nl.buitenin.listening.internal.answers.JdbcResponses;
import nl.buitenin.listening.internal.answers.ResponseChannel;
import nl.buitenin.listening.internal.answers.ResponseStatus;
import nl.buitenin.listening.internal.answers.SurveyFixtures;
import nl.buitenin.loop.ThemeId;
import nl.buitenin.loop.ThemeTagging.Tagger;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.EventsHandled;
import nl.buitenin.testing.Unique;

/**
 * The journey map's top themes come from loop's tagged answers: per touchpoint the three themes most often tagged in
 * answers of the period, a suggester's guess only once it is confirmed or sure enough, and on the map's card by name.
 */
@DatabaseTest
@AutoConfigureMockMvc
class ThemesOnTheMapTest {

    @Autowired
    TouchpointThemes themesOnTheMap;
    @Autowired
    Themes themes;
    @Autowired
    AnswerThemes answerThemes;
    @Autowired
    JdbcSurveys surveys;
    @Autowired
    JdbcResponses responses;
    @Autowired
    AnswerRecording recording;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventPublicationRegistry registry;
    @Autowired
    MockMvc mvc;

    @Test
    void countsTheThemesOfTheAnswersInThePeriodMostFirstAndShowsThemOnTheCard() throws Exception {
        String journey = created(post("/api/v1/journeys"), "{\"nameNl\":\"" + Unique.name("Thema") + "\",\"nameEn\":\"" + Unique.name("Themes") + "\"}");
        String stage = created(post("/api/v1/journeys/" + journey + "/stages"), "{\"nameNl\":\"Onderweg\",\"nameEn\":\"On the way\"}");
        TouchpointId hut = TouchpointId.of(created(post("/api/v1/stages/" + stage + "/touchpoints"),
                "{\"nameNl\":\"Hut\",\"nameEn\":\"Hut\",\"channel\":\"LOCATION\"}"));
        String tag = Unique.name("");
        ThemeId food = themes.add("Eten " + tag, "Food " + tag, null).id();
        ThemeId beds = themes.add("Bedden " + tag, "Beds " + tag, null).id();
        ThemeId noise = themes.add("Lawaai " + tag, "Noise " + tag, null).id();
        ThemeId route = themes.add("Route " + tag, "Route " + tag, null).id();
        ThemeId guess = themes.add("Gok " + tag, "Guess " + tag, null).id();
        Survey survey = Survey.draft(SurveyFixtures.tripEvaluation(), Instant.now());
        survey.publish(Instant.now());
        surveys.add(survey);

        EventsHandled events = EventsHandled.since(registry);
        List<UUID> inMay = List.of(answer(survey, hut, "2026-05-04T10:00:00Z"), answer(survey, hut, "2026-05-12T10:00:00Z"),
                answer(survey, hut, "2026-05-20T10:00:00Z"), answer(survey, hut, "2026-05-28T10:00:00Z"));
        UUID inApril = answer(survey, hut, "2026-04-20T10:00:00Z");
        events.await();
        // Food on three answers, beds on two, noise and route on one each; the April answer's route does not count.
        for (int i = 0; i < 3; i++) {
            answerThemes.tag(inMay.get(i), food, "anouk", Tagger.USER);
        }
        answerThemes.tag(inMay.get(0), beds, "anouk", Tagger.USER);
        answerThemes.tag(inMay.get(1), beds, "anouk", Tagger.DESK);
        answerThemes.tag(inMay.get(3), noise, "anouk", Tagger.USER);
        answerThemes.tag(inApril, route, "anouk", Tagger.USER);
        answerThemes.tag(inApril, route, "anouk", Tagger.USER);
        // A suggester's guess at 0.3 (below the loop's 0.8) is not counted, on four answers.
        for (UUID response : inMay) {
            answerThemes.suggest(response, guess, "suggester", 0.3, Instant.now());
        }

        List<ThemeCount> top = themesOnTheMap.top(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31), 3).get(hut);
        assertThat(top).extracting(ThemeCount::nameEn, ThemeCount::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Food " + tag, 3L), org.assertj.core.groups.Tuple.tuple("Beds " + tag, 2L),
                        org.assertj.core.groups.Tuple.tuple("Noise " + tag, 1L));
        assertThat(themesOnTheMap.top(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30), 3).get(hut))
                .extracting(ThemeCount::nameNl).containsExactly("Route " + tag);
        // Once an analyst confirms the guess on all four answers it is the top theme.
        for (UUID response : inMay) {
            answerThemes.tag(response, guess, "anouk", Tagger.USER);
        }
        assertThat(themesOnTheMap.top(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31), 3).get(hut))
                .extracting(ThemeCount::nameNl).containsExactly("Gok " + tag, "Eten " + tag, "Bedden " + tag);

        String page = mvc.perform(get("/insight/journey-map").param("from", "2026-05-01").param("to", "2026-05-31")
                        .with(user("anouk").roles("ANALYST")).locale(Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Matcher card = Pattern.compile("data-touchpoint=\"" + hut + "\"(.*?)</li>\\s*</ul>\\s*</div>", Pattern.DOTALL).matcher(page);
        assertThat(card.find()).as("the hut's card").isTrue();
        // Counts of 4, 3 and 2 answers are about fewer people than the small-cell minimum (5): named, not counted.
        assertThat(card.group(1)).contains("Guess " + tag).contains("Food " + tag).contains("Beds " + tag)
                .doesNotContain("Noise " + tag).contains("(fewer than 5)").doesNotContain("(4)");
    }

    private String created(MockHttpServletRequestBuilder request, String body) throws Exception {
        String response = mvc.perform(request.with(user("anouk").roles("ANALYST")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(response, "$.id");
    }

    /** A completed answer at the touchpoint, moved to the given moment before anything is tagged. */
    private UUID answer(Survey survey, TouchpointId touchpoint, String at) {
        UUID response = responses.create(survey.id(), touchpoint, null, "test:" + UUID.randomUUID(), ResponseChannel.EMAIL, "nl",
                ResponseStatus.INVITED, Instant.now(), Instant.now().plus(14, ChronoUnit.DAYS)).orElseThrow();
        recording.complete(response, Map.of("nps", List.of("8"), "beter", List.of("qqq")));
        jdbc.sql("update listening_response set completed_at = :at where id = :id")
                .param("at", OffsetDateTime.parse(at)).param("id", response).update();
        return response;
    }
}
