package nl.buitenin.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import nl.buitenin.testing.Unique;
import nl.buitenin.access.internal.JdbcUsers;
import nl.buitenin.access.internal.StoredUser;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.listening.internal.answers.AnswerRecording;
import nl.buitenin.listening.internal.answers.JdbcResponses;
import nl.buitenin.listening.internal.answers.ResponseChannel;
import nl.buitenin.listening.internal.answers.ResponseStatus;
import nl.buitenin.listening.internal.answers.SurveyFixtures;
import nl.buitenin.loop.internal.Themes;
import nl.buitenin.privacy.Consents;
import nl.buitenin.privacy.ContactDetails;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.Persons;
import nl.buitenin.privacy.PurposeId;
import nl.buitenin.testing.DatabaseTest;

/**
 * The comments page shows an answer's text (read under "service improvement", logged), htmx tags it in place,
 * and the API tags and untags idempotently; an unknown response is a 404.
 */
@DatabaseTest
@AutoConfigureMockMvc
class AnswerThemesPageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcUsers users;
    @Autowired
    JdbcSurveys surveys;
    @Autowired
    JdbcResponses responses;
    @Autowired
    AnswerRecording recording;
    @Autowired
    Persons persons;
    @Autowired
    Consents consents;
    @Autowired
    Themes themes;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anAnalystTagsAnAnswerOnThePageAndThroughTheApi() throws Exception {
        StoredUser analyst = LoopFixture.analyst(users, "en");
        PersonKey person = persons.register("klant-" + UUID.randomUUID(), new ContactDetails("Lies", "lies@voorbeeld.nl", null));
        consents.give(person, PurposeId.FEEDBACK, "test");
        TouchpointId touchpoint = new TouchpointId(UUID.randomUUID());
        Survey survey = Survey.draft(SurveyFixtures.tripEvaluation(), Instant.now());
        survey.publish(Instant.now());
        surveys.add(survey);
        UUID response = responses.create(survey.id(), touchpoint, person, "test:" + UUID.randomUUID(), ResponseChannel.EMAIL, "nl",
                ResponseStatus.INVITED, Instant.now(), Instant.now().plus(14, ChronoUnit.DAYS)).orElseThrow();
        recording.complete(response, Map.of("nps", List.of("6"), "beter", List.of("De fietsen waren te klein voor ons.")));
        var theme = themes.add(Unique.name("Fietsen"), Unique.name("Bikes"), null);

        mvc.perform(get("/loop/comments").param("touchpoint", touchpoint.toString()).with(user(analyst)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("De fietsen waren te klein voor ons.")));
        // The page's own read (text insight reads the comment too, after its commit, and logs that as another read).
        assertThat(jdbc.sql("select count(*) from privacy_access_log where person_key = :p and purpose_id = 'service-improvement' "
                + "and refusal is null and what like 'comment of response%'").param("p", person.value()).query(Long.class).single())
                .isGreaterThanOrEqualTo(1);

        mvc.perform(post("/loop/comments/" + response + "/themes").with(user(analyst)).with(csrf()).header("HX-Request", "true")
                        .param("theme", theme.id().toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"answer-" + response + "\"")))
                .andExpect(content().string(containsString(theme.nameEn())))
                .andExpect(content().string(not(containsString("<html"))));

        mvc.perform(put("/api/v1/answers/" + response + "/themes/" + theme.id()).with(user(analyst)).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.changed").value(false));
        mvc.perform(get("/api/v1/answers/" + response + "/themes").with(user(analyst)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].nameEn").value(theme.nameEn()))
                .andExpect(jsonPath("$[0].tagger").value("USER"));
        mvc.perform(delete("/api/v1/answers/" + response + "/themes/" + theme.id()).with(user(analyst)).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.changed").value(true));
        mvc.perform(delete("/api/v1/answers/" + response + "/themes/" + theme.id()).with(user(analyst)).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.changed").value(false));
        mvc.perform(put("/api/v1/answers/" + UUID.randomUUID() + "/themes/" + theme.id()).with(user(analyst)).with(csrf()))
                .andExpect(status().isNotFound());
    }
}
