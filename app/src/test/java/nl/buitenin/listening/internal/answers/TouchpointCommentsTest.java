package nl.buitenin.listening.internal.answers;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

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

import nl.buitenin.journey.TouchpointId;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.privacy.ContactDetails;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.Persons;
import nl.buitenin.testing.DatabaseTest;

/** Comments are shown escaped, and every read of a known person's comment is logged under its purpose. */
@DatabaseTest
@AutoConfigureMockMvc
class TouchpointCommentsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcSurveys surveys;
    @Autowired
    JdbcResponses responses;
    @Autowired
    AnswerRecording recording;
    @Autowired
    Persons persons;
    @Autowired
    JdbcClient jdbc;

    @Test
    void showsTheLatestCommentsEscapedAndLogsTheRead() throws Exception {
        TouchpointId touchpoint = new TouchpointId(UUID.randomUUID());
        Survey survey = Survey.draft(SurveyFixtures.tripEvaluation(), Instant.now());
        survey.publish(Instant.now());
        surveys.add(survey);
        PersonKey eva = persons.register("klant-" + UUID.randomUUID(), new ContactDetails("Eva", "eva@voorbeeld.nl", null));
        UUID response = responses.create(survey.id(), touchpoint, eva, "test:" + UUID.randomUUID(), ResponseChannel.EMAIL, "nl",
                ResponseStatus.INVITED, Instant.now(), Instant.now().plus(14, ChronoUnit.DAYS)).orElseThrow();
        recording.complete(response, Map.of("nps", List.of("8"), "beter", List.of("<script>alert('x')</script> meer pauzes")));
        long logged = reads(eva);

        mvc.perform(get("/listening/touchpoints/" + touchpoint + "/comments").with(user("ana").roles("ANALYST")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; meer pauzes")))
                .andExpect(content().string(not(containsString("<script>alert"))));
        org.assertj.core.api.Assertions.assertThat(reads(eva)).isEqualTo(logged + 1);
    }

    /**
     * The map's comments follow its dates (and language): a comment completed before the chosen period, or after it,
     * is not shown, nor is one of more than twelve weeks ago when no period is given (the map's default).
     */
    @Test
    void showsOnlyTheCommentsOfTheChosenPeriodAndLanguage() throws Exception {
        TouchpointId touchpoint = new TouchpointId(UUID.randomUUID());
        Survey survey = Survey.draft(SurveyFixtures.tripEvaluation(), Instant.now());
        survey.publish(Instant.now());
        surveys.add(survey);
        comment(survey, touchpoint, "nl", "Oud: de bus was te laat", "2026-01-10T12:00:00Z");
        comment(survey, touchpoint, "nl", "Binnen: mooie route", "2026-02-10T12:00:00Z");
        comment(survey, touchpoint, "en", "Inside: lovely walk", "2026-02-11T12:00:00Z");
        comment(survey, touchpoint, "nl", "Later: koude soep", "2026-03-10T12:00:00Z");
        comment(survey, touchpoint, "nl", "Vandaag: alles prima", Instant.now().toString());

        String february = mvc.perform(get("/listening/touchpoints/" + touchpoint + "/comments").param("from", "2026-02-01")
                        .param("to", "2026-02-28").with(user("ana").roles("ANALYST")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat(february).contains("Binnen: mooie route").contains("Inside: lovely walk")
                .doesNotContain("Oud:").doesNotContain("Later:").doesNotContain("Vandaag:");

        mvc.perform(get("/listening/touchpoints/" + touchpoint + "/comments").param("from", "2026-02-01")
                        .param("to", "2026-02-28").param("language", "en").with(user("ana").roles("ANALYST")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Inside: lovely walk")))
                .andExpect(content().string(not(containsString("Binnen:"))));

        mvc.perform(get("/listening/touchpoints/" + touchpoint + "/comments").param("from", "2026-01-01")
                        .param("to", "2026-01-05").with(user("ana").roles("ANALYST")).locale(java.util.Locale.ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("No comments at this touchpoint in this period.")));

        mvc.perform(get("/listening/touchpoints/" + touchpoint + "/comments").with(user("ana").roles("ANALYST")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Vandaag: alles prima")))
                .andExpect(content().string(not(containsString("Oud:"))));

        mvc.perform(get("/listening/touchpoints/" + touchpoint + "/comments").param("from", "1 februari")
                        .with(user("ana").roles("ANALYST")).locale(java.util.Locale.ENGLISH))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/listening/touchpoints/" + touchpoint + "/comments").param("language", "fr")
                        .with(user("ana").roles("ANALYST")))
                .andExpect(status().isBadRequest());
    }

    /** An anonymous comment at the touchpoint, completed at the given moment in the given language. */
    private void comment(Survey survey, TouchpointId touchpoint, String language, String text, String at) {
        UUID response = responses.create(survey.id(), touchpoint, null, "test:" + UUID.randomUUID(), ResponseChannel.EMAIL, language,
                ResponseStatus.INVITED, Instant.now(), Instant.now().plus(14, ChronoUnit.DAYS)).orElseThrow();
        recording.complete(response, Map.of("nps", List.of("8"), "beter", List.of(text)));
        jdbc.sql("update listening_response set completed_at = :at where id = :id")
                .param("at", java.time.OffsetDateTime.parse(at)).param("id", response).update();
    }

    /** Reads of the person's comments by this page (text insight reads the comment too, after its commit, on its own). */
    private long reads(PersonKey person) {
        return jdbc.sql("select count(*) from privacy_access_log where person_key = :p and what like 'comment at touchpoint%'")
                .param("p", person.value()).query(Long.class).single();
    }
}
