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

    /** Reads of the person's comments by this page (text insight reads the comment too, after its commit, on its own). */
    private long reads(PersonKey person) {
        return jdbc.sql("select count(*) from privacy_access_log where person_key = :p and what like 'comment at touchpoint%'")
                .param("p", person.value()).query(Long.class).single();
    }
}
