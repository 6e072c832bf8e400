package nl.buitenin.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import nl.buitenin.testing.Unique;
import nl.buitenin.access.Role;
import nl.buitenin.access.Scope;
import nl.buitenin.access.internal.ApiKeys;
import nl.buitenin.access.internal.JdbcUsers;
import nl.buitenin.access.internal.StoredUser;
import nl.buitenin.journey.Channel;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.listening.internal.answers.AnswerRecording;
import nl.buitenin.listening.internal.answers.JdbcResponses;
import nl.buitenin.listening.internal.answers.ResponseChannel;
import nl.buitenin.listening.internal.answers.ResponseStatus;
import nl.buitenin.listening.internal.answers.SurveyFixtures;
import nl.buitenin.loop.internal.CaseFile;
import nl.buitenin.loop.internal.CaseWork;
import nl.buitenin.loop.internal.LoopSettings;
import nl.buitenin.loop.internal.Themes;
import nl.buitenin.platform.InvalidInputException.FieldError;
import nl.buitenin.testing.DatabaseTest;

/**
 * The pages and the API of example phrases, automatic tags and their review, and the "you said, we did" threshold:
 * a suggested tag is marked in words (never its code) with its confidence and offers Confirm and Reject; errors name
 * the field in the reader's language.
 */
@DatabaseTest
@AutoConfigureMockMvc
class ThemeReviewPageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcUsers users;
    @Autowired
    ApiKeys apiKeys;
    @Autowired
    Themes themes;
    @Autowired
    ThemeTagging tagging;
    @Autowired
    LoopSettings settings;
    @Autowired
    CaseWork work;
    @Autowired
    JdbcSurveys surveys;
    @Autowired
    JdbcResponses responses;
    @Autowired
    AnswerRecording recording;

    @AfterEach
    void defaultThreshold() {
        settings.changeTellBackMinConfidence(LoopSettings.DEFAULT_TELL_BACK_MIN_CONFIDENCE);
    }

    @Test
    void theThemesPageShowsAndEditsExamplePhrasesAndNamesAWrongLineInDutch() throws Exception {
        StoredUser analyst = LoopFixture.analyst(users, "nl");
        String name = Unique.name("Bagage");
        mvc.perform(post("/loop/themes").with(user(analyst)).with(csrf()).param("nameNl", name).param("nameEn", "Luggage")
                        .param("examples", "koffer stond niet in het hotel\r\n\nbagage altijd keurig op tijd"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("saved", true));
        Themes.Theme theme = themes.byDutchName(name).orElseThrow();
        assertThat(theme.examples()).containsExactly("koffer stond niet in het hotel", "bagage altijd keurig op tijd");
        mvc.perform(get("/loop/themes").with(user(analyst)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<li>bagage altijd keurig op tijd</li>")))
                .andExpect(content().string(containsString("Voorbeeldzinnen wijzigen")))
                .andExpect(content().string(containsString("koffer stond niet in het hotel\nbagage altijd keurig op tijd</textarea>")));

        var refused = mvc.perform(post("/loop/themes/" + theme.id() + "/examples").with(user(analyst)).with(csrf())
                        .param("examples", "koffer kapot aangekomen\n" + "x".repeat(201)))
                .andExpect(status().is3xxRedirection()).andReturn().getFlashMap().get("errors");
        assertThat(refused).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.list(FieldError.class)).singleElement()
                .satisfies(e -> {
                    assertThat(e.field()).isEqualTo("examples");
                    assertThat(e.key()).isEqualTo("loop.invalid.exampleLine");
                });
        mvc.perform(get("/loop/themes").with(user(analyst)).with(nl.buitenin.testing.PageRequests.withFlash(java.util.Map.of("errors", refused))))
                .andExpect(content().string(containsString("regel 2: een voorbeeldzin is hoogstens 200 tekens")));
        assertThat(themes.byId(theme.id()).orElseThrow().examples()).as("nothing changed").hasSize(2);

        mvc.perform(post("/loop/themes/" + theme.id() + "/examples").with(user(analyst)).with(csrf())
                        .param("examples", "koffer kapot aangekomen"))
                .andExpect(flash().attribute("saved", true));
        assertThat(themes.byId(theme.id()).orElseThrow().examples()).containsExactly("koffer kapot aangekomen");
    }

    @Test
    void aSuggestedTagOnACommentIsMarkedAndConfirmedOrRejectedInPlace() throws Exception {
        StoredUser analyst = LoopFixture.analyst(users, "en");
        TouchpointId touchpoint = new TouchpointId(UUID.randomUUID());
        UUID response = answered(touchpoint, "Drie kwartier in de wacht gestaan.");
        var waiting = themes.add(Unique.name("Wachttijd"), Unique.name("Waiting"), null);
        var pace = themes.add(Unique.name("Tempo"), Unique.name("Pace"), null);
        tagging.suggest(TagSubject.answer(response), waiting.id(), "tekstanalyse", 0.874);
        tagging.suggest(TagSubject.answer(response), pace.id(), "tekstanalyse", 0.31);

        mvc.perform(get("/loop/comments").param("touchpoint", touchpoint.toString()).with(user(analyst)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("suggested, 87% sure")))
                .andExpect(content().string(containsString("suggested, 31% sure")))
                .andExpect(content().string(containsString("/themes/" + waiting.id() + "/confirm")))
                .andExpect(content().string(containsString("/themes/" + pace.id() + "/reject")))
                .andExpect(content().string(not(containsString("SUGGESTER"))));

        mvc.perform(post("/loop/comments/" + response + "/themes/" + waiting.id() + "/confirm").with(user(analyst)).with(csrf())
                        .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("suggested, confirmed by " + analyst.username())))
                .andExpect(content().string(not(containsString("/themes/" + waiting.id() + "/confirm"))))
                .andExpect(content().string(not(containsString("<html"))));
        mvc.perform(post("/loop/comments/" + response + "/themes/" + pace.id() + "/reject").with(user(analyst)).with(csrf())
                        .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/themes/" + pace.id() + "/"))))
                .andExpect(content().string(not(containsString("suggested, 31% sure"))));
        assertThat(tagging.tagsOf(TagSubject.answer(response))).extracting(ThemeTag::theme, ThemeTag::state).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(waiting.id(), ThemeTag.State.CONFIRMED),
                org.assertj.core.groups.Tuple.tuple(pace.id(), ThemeTag.State.REJECTED));
    }

    @Test
    void anAgentSeesASuggestedThemeOnTheCaseInDutchAndConfirmsIt() throws Exception {
        String team = LoopFixture.uniqueTeam();
        StoredUser agent = LoopFixture.user(users, "agent", Set.of(Role.AGENT), team, "nl");
        CaseFile c = work.open(new CaseWork.Opening(CaseSource.complaint(UUID.randomUUID().toString()), CaseType.COMPLAINT, null,
                null, Channel.PHONE, team, null, "De kamer rook muf."), "test", Instant.now()).file();
        var theme = themes.add(Unique.name("Accommodatie"), "Accommodation", null);
        tagging.suggest(TagSubject.of(c.id()), theme.id(), "tekstanalyse", 0.5);

        mvc.perform(get("/cases/" + c.id()).with(user(agent)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("automatisch, 50 % zeker")))
                .andExpect(content().string(containsString(">Klopt niet<")));
        mvc.perform(post("/cases/" + c.id() + "/themes/" + theme.id() + "/confirm").with(user(agent)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/cases/" + c.id()).with(user(agent)))
                .andExpect(content().string(containsString("automatisch, bevestigd door " + agent.username())));
    }

    @Test
    void theApiReadsAndEditsExamplesAndTakesSuggestionsWithAConfidence() throws Exception {
        StoredUser analyst = LoopFixture.analyst(users, "en");
        String name = Unique.name("Route");
        String created = mvc.perform(post("/api/v1/themes").with(user(analyst)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"nameNl\":\"" + name + "\",\"nameEn\":\"Route\",\"examples\":[\"afstanden klopten niet\",\" \"]}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.examples[0]").value("afstanden klopten niet"))
                .andReturn().getResponse().getContentAsString();
        String id = created.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        mvc.perform(post("/api/v1/themes").with(user(analyst)).with(csrf()).header("Accept-Language", "nl")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"nameNl\":\"Nog een " + name + "\",\"nameEn\":\"More\",\"examples\":[\"ok\",\"" + "x".repeat(201) + "\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("examples[1]"))
                .andExpect(jsonPath("$.errors[0].message").value("een voorbeeldzin is hoogstens 200 tekens"));
        mvc.perform(put("/api/v1/themes/" + id + "/examples").with(user(analyst)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"examples\":[\"pad bestond niet meer\",\"duidelijke kaartjes\"]}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.examples.length()").value(2));
        mvc.perform(get("/api/v1/themes").with(user(analyst)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[?(@.id == '" + id + "')].examples[1]").value(hasItem("duidelijke kaartjes")));

        // A text-analysis tool with an API key suggests with its confidence; the analyst rejects it.
        UUID response = answered(new TouchpointId(UUID.randomUUID()), "We liepen verkeerd bij de splitsing.");
        String key = apiKeys.issue("suggester-" + UUID.randomUUID(), Set.of(Scope.INGEST, Scope.READ), null).plainText();
        mvc.perform(put("/api/v1/answers/" + response + "/themes/" + id).param("confidence", "1,2")
                        .header("Authorization", "Bearer " + key).header("Accept-Language", "en"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("confidence"));
        mvc.perform(put("/api/v1/answers/" + response + "/themes/" + id).param("confidence", "0,66").header("Authorization", "Bearer " + key))
                .andExpect(status().isOk()).andExpect(jsonPath("$.changed").value(true));
        mvc.perform(get("/api/v1/answers/" + response + "/themes").with(user(analyst)))
                .andExpect(jsonPath("$[0].tagger").value("SUGGESTER")).andExpect(jsonPath("$[0].confidence").value(0.66))
                .andExpect(jsonPath("$[0].state").value("SUGGESTED"));
        mvc.perform(post("/api/v1/answers/" + response + "/themes/" + id + "/reject").with(user(analyst)).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.changed").value(true));
        mvc.perform(put("/api/v1/answers/" + response + "/themes/" + id).param("confidence", "0.9").header("Authorization", "Bearer " + key))
                .andExpect(status().isOk()).andExpect(jsonPath("$.changed").value(false));
        mvc.perform(post("/api/v1/answers/" + response + "/themes/" + id + "/confirm").with(user(analyst)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/themes/tags").param("size", "500").header("Authorization", "Bearer " + key))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.subjectId == '" + response + "')].state").value(hasItem("REJECTED")))
                .andExpect(jsonPath("$.items[?(@.subjectId == '" + response + "')].decidedBy").value(hasItem(analyst.username())));
    }

    @Test
    void anAdministratorSetsTheThresholdOnTheSettingsPageAndThroughTheApi() throws Exception {
        StoredUser admin = LoopFixture.user(users, "admin", Set.of(Role.ADMIN), null, "nl");
        mvc.perform(get("/admin/loop").with(user(admin)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("value=\"0.80\"")))
                .andExpect(content().string(containsString("Minimale zekerheid van een automatisch thema")));
        mvc.perform(post("/admin/loop/tell-back").with(user(admin)).with(csrf()).param("tellBackMinConfidence", "0,7"))
                .andExpect(flash().attribute("saved", true));
        assertThat(settings.tellBackMinConfidence()).isEqualTo(0.7);
        var refused = mvc.perform(post("/admin/loop/tell-back").with(user(admin)).with(csrf()).param("tellBackMinConfidence", "70"))
                .andReturn().getFlashMap().get("errors");
        assertThat(refused).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.list(FieldError.class)).singleElement()
                .satisfies(e -> assertThat(e.field()).isEqualTo("tellBackMinConfidence"));
        mvc.perform(get("/admin/loop").with(user(admin)).with(nl.buitenin.testing.PageRequests.withFlash(java.util.Map.of("errors", refused))))
                .andExpect(content().string(containsString("moet een getal van 0 tot en met 1 zijn (bijvoorbeeld 0,8): 70")));

        mvc.perform(get("/api/v1/loop/settings").with(user(admin)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.tellBackMinConfidence").value(0.7));
        mvc.perform(put("/api/v1/loop/settings").with(user(admin)).with(csrf()).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"tellBackMinConfidence\":1.5}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("tellBackMinConfidence"))
                .andExpect(jsonPath("$.errors[0].message").value("must be a number from 0 to 1 (for instance 0.8): 1.5"));
        mvc.perform(put("/api/v1/loop/settings").with(user(admin)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"tellBackMinConfidence\":0.9}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.tellBackMinConfidence").value(0.9));
        assertThat(settings.tellBackMinConfidence()).isEqualTo(0.9);
    }

    private UUID answered(TouchpointId touchpoint, String comment) {
        Survey survey = Survey.draft(SurveyFixtures.tripEvaluation(), Instant.now());
        survey.publish(Instant.now());
        surveys.add(survey);
        UUID id = responses.create(survey.id(), touchpoint, null, "test:" + UUID.randomUUID(), ResponseChannel.EMAIL, "nl",
                ResponseStatus.INVITED, Instant.now(), Instant.now().plus(14, ChronoUnit.DAYS)).orElseThrow();
        recording.complete(id, Map.of("nps", List.of("8"), "beter", List.of(comment)));
        return id;
    }
}
