package nl.buitenin.listening.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import nl.buitenin.access.Role;
import nl.buitenin.access.Users.NewUser;
import nl.buitenin.access.internal.JdbcUsers;
import nl.buitenin.access.internal.StoredUser;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.Unique;

@DatabaseTest
@AutoConfigureMockMvc
class SurveysApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcUsers users;
    @Autowired
    JdbcSurveys surveys;

    StoredUser analyst;
    StoredUser agent;
    String stage;
    String touchpoint;

    @BeforeEach
    void peopleAndATouchpointInUse() throws Exception {
        if (users.byUsername("ana").isEmpty()) {
            users.create(new NewUser("ana", "Ana Analist", "a long enough password", Set.of(Role.ANALYST), null, "nl", false));
            users.create(new NewUser("agnes", "Agnes Agent", "a long enough password", Set.of(Role.AGENT), null, "nl", false));
        }
        analyst = users.storedByUsername("ana").orElseThrow();
        agent = users.storedByUsername("agnes").orElseThrow();
        String journey = created(post("/api/v1/journeys"), "{\"nameNl\":\"" + Unique.name("Reizen") + "\",\"nameEn\":\"" + Unique.name("Trips") + "\"}");
        stage = created(post("/api/v1/journeys/" + journey + "/stages"), "{\"nameNl\":\"Na de reis\",\"nameEn\":\"After the trip\"}");
        touchpoint = newTouchpoint("Terugkomst", "Return");
    }

    String newTouchpoint(String nameNl, String nameEn) throws Exception {
        return created(post("/api/v1/stages/" + stage + "/touchpoints"),
                "{\"nameNl\":\"" + nameNl + "\",\"nameEn\":\"" + nameEn + "\",\"channel\":\"web\"}");
    }

    String survey(String title, String questionNl) {
        return survey(title, questionNl, touchpoint);
    }

    static String survey(String title, String questionNl, String... touchpoints) {
        return """
                {"format":"buitenin-survey/1",
                 "title":{"nl":"%s","en":"After the trip"},
                 "questions":[
                   {"key":"nps","type":"NPS","text":{"nl":"Hoe waarschijnlijk is het dat u ons aanbeveelt bij vrienden of familie?",
                      "en":"How likely is it that you would recommend us to a friend or colleague?"}},
                   {"key":"better","type":"OPEN_TEXT","text":{"nl":"%s","en":"What would you like us to do differently?"},"required":false},
                   {"key":"trip","type":"SINGLE_CHOICE","text":{"nl":"Welke reis heeft u gemaakt?","en":"Which trip did you take?"},
                    "options":[{"value":"wadden","text":{"nl":"Wadden","en":"Wadden"}},{"value":"veluwe","text":{"nl":"Veluwe","en":"Veluwe"}}]}],
                 "closing":{"nl":"Dank u. Wij lezen elk antwoord en vertellen binnen een maand wat we ermee doen.",
                            "en":"Thank you. We read every answer and will tell you within a month what we do with it."},
                 "touchpoints":[%s],
                 "caseRules":[{"when":"DETRACTOR","question":"nps"},{"when":"CHOSEN_ANSWER","question":"trip","answer":"wadden"}]}
                """.formatted(title, questionNl, String.join(",", java.util.Arrays.stream(touchpoints).map(t -> "\"" + t + "\"").toList()));
    }

    String created(MockHttpServletRequestBuilder request, String body) throws Exception {
        String response = mvc.perform(request.with(user(analyst)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(response, "$.id");
    }

    void archive(String touchpointId) throws Exception {
        mvc.perform(post("/api/v1/touchpoints/" + touchpointId + "/archive").with(user(analyst)).with(csrf())).andExpect(status().isNoContent());
    }

    String create(String body) throws Exception {
        String response = mvc.perform(post("/api/v1/surveys").with(user(analyst)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(response, "$.id");
    }

    @Test
    void aSavedSurveyComesBackWithAdviceOnItsWording() throws Exception {
        String id = create(survey(nl.buitenin.testing.Unique.name("Na de reis"), "Hoe tevreden bent u over onze uitstekende gidsen?"));
        mvc.perform(get("/api/v1/surveys/" + id).with(user(agent)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.survey.caseRules[1].answer").value("wadden"))
                .andExpect(jsonPath("$.advice[0].questionKey").value("better"))
                .andExpect(jsonPath("$.advice[0].code").value("LEADING"))
                .andExpect(jsonPath("$.advice[0].rewrite").value("Hoe tevreden bent u over onze gidsen?"));
    }

    @Test
    void publishingWithOpenAdviceOrWithoutATouchpointNeedsAnAcknowledgement() throws Exception {
        String leading = create(survey(nl.buitenin.testing.Unique.name("Na de reis"), "Hoe tevreden bent u over onze uitstekende gidsen?"));
        mvc.perform(post("/api/v1/surveys/" + leading + "/publish").with(user(analyst)).with(csrf()).header("Accept-Language", "nl"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("1 opmerking(en) over de formulering open")))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("acknowledgeAdvice=true")));
        mvc.perform(get("/api/v1/surveys/" + leading).with(user(analyst))).andExpect(jsonPath("$.status").value("DRAFT"));
        mvc.perform(post("/api/v1/surveys/" + leading + "/publish").param("acknowledgeAdvice", "true").with(user(analyst)).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PUBLISHED"));

        String nowhere = create(survey(nl.buitenin.testing.Unique.name("Na de reis"), "Wat zou u willen dat wij anders doen?", new String[0]));
        mvc.perform(post("/api/v1/surveys/" + nowhere + "/publish").with(user(analyst)).with(csrf()).header("Accept-Language", "en"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("no touchpoint is chosen")));
    }

    @Test
    void theEditorAsksBeforePublishingWithOpenAdviceAndNamesItThenPublishesAnyway() throws Exception {
        String title = nl.buitenin.testing.Unique.name("Na de reis");
        String id = create(survey(title, "Hoe tevreden bent u over onze uitstekende gidsen?", new String[0]));
        String page = mvc.perform(post("/surveys/" + id + "/publish").with(user(analyst)).with(csrf()).cookie(new jakarta.servlet.http.Cookie("buitenin-lang", "nl")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Toch publiceren?").contains("Vraag 2, Nederlandse tekst").contains("Hoe tevreden bent u over onze uitstekende gidsen?")
                .contains("Sturend").contains("Hoe tevreden bent u over onze gidsen?").contains("Er is geen contactmoment gekozen")
                .contains("id=\"publish-anyway\"").doesNotContain("LEADING");
        mvc.perform(get("/api/v1/surveys/" + id).with(user(analyst))).andExpect(jsonPath("$.status").value("DRAFT"));

        mvc.perform(post("/surveys/" + id + "/publish").param("confirmed", "true").with(user(analyst)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/surveys/" + id).with(user(analyst))).andExpect(jsonPath("$.status").value("PUBLISHED"));

        // Nothing open: published at once, without the question.
        String clean = create(survey(nl.buitenin.testing.Unique.name("Na de reis"), "Wat zou u willen dat wij anders doen?"));
        mvc.perform(post("/surveys/" + clean + "/publish").with(user(analyst)).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/surveys/" + clean).with(user(analyst))).andExpect(jsonPath("$.status").value("PUBLISHED"));
    }

    @Test
    void theEditorChecksOneQuestionInTheLanguageBeingTypedWhileTheOtherIsEmpty() throws Exception {
        String dutch = mvc.perform(post("/surveys/check-question").param("question", "0").param("language", "nl")
                        .param("questions[0].type", "CSAT").param("questions[0].textNl", "Bent u het met ons eens dat de reis goed geregeld was?")
                        .param("questions[0].textEn", "").with(user(analyst)).with(csrf()).cookie(new jakarta.servlet.http.Cookie("buitenin-lang", "nl")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(dutch).contains("finding-LEADING").contains("Sturend (nl)")
                .contains("In hoeverre bent u het eens of oneens met de stelling dat de reis goed geregeld was?")
                .contains("id=\"advice-ok-0\"");
        String english = mvc.perform(post("/surveys/check-question").param("question", "0").param("language", "en")
                        .param("questions[0].type", "CSAT").param("questions[0].textNl", "Bent u het met ons eens dat de reis goed geregeld was?")
                        .param("questions[0].textEn", "").with(user(analyst)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(english).doesNotContain("finding").doesNotContain("advice-lang-ok");
        String clean = mvc.perform(post("/surveys/check-question").param("question", "0").param("language", "en")
                        .param("questions[0].type", "CSAT").param("questions[0].textEn", "How satisfied are you with the trip?")
                        .with(user(analyst)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // Told in the analyst's own language (Dutch), about the English text.
        assertThat(clean).doesNotContain("finding").contains("Geen opmerkingen over de Engelse tekst.");
        mvc.perform(post("/surveys/check-question").param("question", "3").param("language", "nl").param("questions[0].textNl", "Hoe?")
                .with(user(analyst)).with(csrf())).andExpect(status().isBadRequest());
        mvc.perform(post("/surveys/check-question").param("question", "0").param("language", "nl").param("questions[0].textNl", "Hoe?")
                .with(user(agent)).with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    void aPublishedVersionNeverChangesAndRevisingMakesTheNextVersion() throws Exception {
        String title = nl.buitenin.testing.Unique.name("Na de reis");
        String id = create(survey(title, "Wat zou u willen dat wij anders doen?"));
        mvc.perform(post("/api/v1/surveys/" + id + "/publish").with(user(analyst)).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PUBLISHED"));
        mvc.perform(post("/api/v1/surveys/" + id + "/publish").with(user(analyst)).with(csrf())).andExpect(status().isConflict());
        mvc.perform(put("/api/v1/surveys/" + id).with(user(analyst)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(survey(title, "Wat kunnen we beter doen?"))).andExpect(status().isConflict());

        String response = mvc.perform(post("/api/v1/surveys/" + id + "/revise").with(user(analyst)).with(csrf()))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.version").value(2)).andExpect(jsonPath("$.status").value("DRAFT"))
                .andReturn().getResponse().getContentAsString();
        String next = JsonPath.read(response, "$.id");
        mvc.perform(put("/api/v1/surveys/" + next).with(user(analyst)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(survey(title, "Wat kunnen we beter doen?"))).andExpect(status().isOk());

        mvc.perform(get("/api/v1/surveys/" + id).with(user(agent)))
                .andExpect(jsonPath("$.survey.questions[1].text.nl").value("Wat zou u willen dat wij anders doen?"));
        mvc.perform(get("/api/v1/surveys/" + next + "/versions").with(user(agent)))
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].version").value(2)).andExpect(jsonPath("$[1].status").value("PUBLISHED"));
        assertThat(surveys.publishedFor(TouchpointId.of(touchpoint))).isPresent();
    }

    @Test
    void aSurveyWithMissingTextsNamesEveryField() throws Exception {
        mvc.perform(post("/api/v1/surveys").with(user(analyst)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"title":{"nl":"Alleen Nederlands"},"questions":[{"key":"q1","type":"SMILEY","text":{"nl":"Hoe was het?"}},
                         {"key":"q2","type":"SINGLE_CHOICE","text":{"nl":"Welke?","en":"Which?"},"options":[{"value":"a","text":{"nl":"A","en":"A"}}]}],
                         "closing":{"nl":"Dank u","en":"Thanks"},"caseRules":[{"when":"LOW_CSAT","question":"q2"}]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'title.en')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'questions[0].type')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'questions[1].options')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'caseRules[0].when')]").exists());
    }

    @Test
    void anAgentReadsButCannotWrite() throws Exception {
        mvc.perform(post("/api/v1/surveys").with(user(agent)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(survey("x", "Wat kunnen we beter doen?"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/surveys").with(user(agent))).andExpect(status().isOk()).andExpect(jsonPath("$.page").value(0));
    }

    @Test
    void theEditorShowsTheAdviceNextToTheQuestionAfterSaving() throws Exception {
        String response = mvc.perform(post("/surveys/new").with(user(analyst)).with(csrf())
                        .param("titleNl", "Telefoon").param("titleEn", "Phone")
                        .param("closingNl", "Dank u, we lezen alles.").param("closingEn", "Thank you, we read everything.")
                        .param("questions[0].type", "CSAT")
                        .param("questions[0].textNl", "Hoe tevreden bent u over de snelheid en vriendelijkheid van onze medewerker?")
                        .param("questions[0].textEn", "How satisfied are you with the speed of our staff member?")
                        .param("questions[0].required", "true"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String page = mvc.perform(get(response).with(user(analyst))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Twee vragen in één").contains("snelheid en vriendelijkheid")
                .contains("Hoe tevreden bent u over de snelheid van onze medewerker? / Hoe tevreden bent u over de vriendelijkheid van onze medewerker?");
    }

    @Test
    void aSurveyForAnUnknownTouchpointIsRefusedNamingTheField() throws Exception {
        String unknown = UUID.randomUUID().toString();
        mvc.perform(post("/api/v1/surveys").with(user(analyst)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "en").content(survey("x", "Wat kunnen we beter doen?", touchpoint, unknown)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("touchpoints[1]"))
                .andExpect(jsonPath("$.errors[0].message").value("'" + unknown + "' is not a touchpoint on any journey"));
    }

    @Test
    void anArchivedTouchpointCannotBeAddedButOneArchivedLaterStays() throws Exception {
        String title = nl.buitenin.testing.Unique.name("Na de reis");
        String id = create(survey(title, "Wat kunnen we beter doen?"));
        String closed = newTouchpoint("Oude balie", "Old desk");
        archive(closed);
        mvc.perform(post("/api/v1/surveys").with(user(analyst)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "nl").content(survey(title, "Wat kunnen we beter doen?", closed)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("touchpoints[0]"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("Oude balie")));
        mvc.perform(put("/api/v1/surveys/" + id).with(user(analyst)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "en").content(survey(title, "Wat kunnen we beter doen?", touchpoint, closed)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("touchpoints[1]"))
                .andExpect(jsonPath("$.errors[0].message").value("touchpoint 'Old desk' is archived; choose a touchpoint in use"));

        // The survey's own touchpoint is archived after it was chosen: the survey keeps it and saves as before.
        archive(touchpoint);
        mvc.perform(put("/api/v1/surveys/" + id).with(user(analyst)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(survey(title, "Wat zou u willen dat wij anders doen?"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.survey.touchpoints[0]").value(touchpoint));
    }

    @Test
    void theEditorRefusesAnUnknownTouchpoint() throws Exception {
        String page = mvc.perform(post("/surveys/new").with(user(analyst)).with(csrf()).header("Accept-Language", "en")
                        .param("titleNl", "Telefoon").param("titleEn", "Phone")
                        .param("closingNl", "Dank u, we lezen alles.").param("closingEn", "Thank you, we read everything.")
                        .param("questions[0].type", "CSAT")
                        .param("questions[0].textNl", "Hoe tevreden bent u over onze medewerker?")
                        .param("questions[0].textEn", "How satisfied are you with our staff member?")
                        .param("touchpoints", touchpoint, "0d8f7a3e-1111-4c55-9d59-1f0a4a0c2b11"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("is geen contactmoment van een klantreis");
    }
}
