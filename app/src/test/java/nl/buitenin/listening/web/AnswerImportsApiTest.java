package nl.buitenin.listening.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import nl.buitenin.access.Role;
import nl.buitenin.access.Users.NewUser;
import nl.buitenin.access.internal.JdbcUsers;
import nl.buitenin.access.internal.StoredUser;
import nl.buitenin.insight.ScoreHistograms;
import nl.buitenin.insight.ScoreQuery;
import nl.buitenin.insight.Grouping;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.listening.internal.imports.ImportFixtures;
import nl.buitenin.privacy.Persons;
import nl.buitenin.testing.DatabaseTest;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports through the REST API on a real database: the answers land as responses marked as imported, count in
 * the score histograms of their own days, and a second import of the same file adds nothing. A bad value is named
 * by line and column; then either nothing is taken or, when asked, exactly the valid rows.
 */
@DatabaseTest
@AutoConfigureMockMvc
class AnswerImportsApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcUsers users;
    @Autowired
    JdbcSurveys surveys;
    @Autowired
    ScoreHistograms histograms;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Persons persons;

    final JsonMapper json = JsonMapper.builder().build();
    StoredUser analyst;
    TouchpointId touchpoint;
    Survey survey;

    @BeforeEach
    void publishedSurveyOnItsOwnTouchpoint() {
        if (users.byUsername("imka").isEmpty()) {
            users.create(new NewUser("imka", "Imka Importeur", "a long enough password", Set.of(Role.ANALYST), null, "nl", false));
        }
        analyst = users.storedByUsername("imka").orElseThrow();
        touchpoint = new TouchpointId(UUID.randomUUID());
        survey = Survey.draft(ImportFixtures.walkEvaluation(List.of(touchpoint)), Instant.now());
        survey.publish(Instant.now());
        surveys.add(survey);
    }

    ResultActions send(String format, String file, Object mapping, boolean takeValidRows) throws Exception {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("format", format);
        body.put("csv", ImportFixtures.text(file));
        body.put("mapping", mapping);
        body.put("takeValidRows", takeValidRows);
        return mvc.perform(post("/api/v1/surveys/" + survey.id() + "/answer-imports").with(user(analyst)).with(csrf())
                .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
    }

    /** Follows the import until it is finished, as the command line and the page do. */
    String finished(ResultActions started) throws Exception {
        String id = JsonPath.read(started.andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString(), "$.id");
        for (int i = 0; i < 300; i++) {
            String progress = mvc.perform(get("/api/v1/surveys/" + survey.id() + "/answer-imports/" + id).with(user(analyst)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            String state = JsonPath.read(progress, "$.status");
            if (!state.equals("RUNNING")) {
                return progress;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the import did not finish");
    }

    long responses() {
        return jdbc.sql("select count(*) from listening_response where survey_id = :s").param("s", survey.id().value()).query(Long.class).single();
    }

    @Test
    void importsAQualtricsExportOnceIntoTheScoresOfItsOwnDays() throws Exception {
        String first = finished(send("qualtrics", "qualtrics-fabricated.csv", null, false));
        assertThat(JsonPath.<String>read(first, "$.status")).isEqualTo("DONE");
        assertThat(JsonPath.<Integer>read(first, "$.result.created")).isEqualTo(4);
        assertThat(JsonPath.<Integer>read(first, "$.result.skipped")).isEqualTo(1);
        assertThat(responses()).isEqualTo(4);
        assertThat(jdbc.sql("select count(*) from listening_response where survey_id = :s and channel = 'IMPORT' and person_key is null "
                + "and status = 'COMPLETED'").param("s", survey.id().value()).query(Long.class).single()).isEqualTo(4);

        // March: scores 9, 10 and 3 (the unfinished 6 is not counted); July: 7.
        var march = histograms.summarise(new ScoreQuery(Set.of(touchpoint), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), "nps",
                Grouping.TOTAL, true)).get(0).histogram();
        assertThat(march.n()).isEqualTo(3);
        assertThat(march.count(9)).isEqualTo(1);
        assertThat(march.count(10)).isEqualTo(1);
        assertThat(march.count(3)).isEqualTo(1);
        var july = histograms.summarise(new ScoreQuery(Set.of(touchpoint), LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 1), "nps",
                Grouping.TOTAL, true)).get(0).histogram();
        assertThat(july.n()).isEqualTo(1);
        assertThat(july.count(7)).isEqualTo(1);

        String again = finished(send("qualtrics", "qualtrics-fabricated.csv", null, false));
        assertThat(JsonPath.<Integer>read(again, "$.result.created")).isZero();
        assertThat(JsonPath.<Integer>read(again, "$.result.duplicates")).isEqualTo(4);
        assertThat(responses()).isEqualTo(4);
        assertThat(histograms.summarise(new ScoreQuery(Set.of(touchpoint), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), "nps",
                Grouping.TOTAL, true)).get(0).histogram().n()).isEqualTo(3);
    }

    @Test
    void reimportingAGoogleFormsExportWithoutResponseIdsAddsNothing() throws Exception {
        assertThat(JsonPath.<Integer>read(finished(send("googleforms", "googleforms-fabricated.csv", null, false)), "$.result.created"))
                .isEqualTo(3);
        assertThat(JsonPath.<Integer>read(finished(send("googleforms", "googleforms-fabricated.csv", null, false)), "$.result.duplicates"))
                .isEqualTo(3);
        assertThat(responses()).isEqualTo(3);
    }

    Map<String, Object> plainMapping(String person) {
        Map<String, Object> mapping = new java.util.LinkedHashMap<>();
        mapping.put("responseId", "responseId");
        mapping.put("time", "at");
        mapping.put("person", person);
        mapping.put("questions", List.of(Map.of("question", "nps", "columns", List.of("nps")),
                Map.of("question", "tempo", "columns", List.of("tempo")), Map.of("question", "beter", "columns", List.of("beter"))));
        return mapping;
    }

    @Test
    void takesNothingWhenARowIsWrongAndNamesLineAndColumn() throws Exception {
        send("plain", "plain-with-errors-fabricated.csv", plainMapping(null), false)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("line 3, column nps"))
                .andExpect(jsonPath("$.errors[0].message").value("12 is outside 0–10"))
                .andExpect(jsonPath("$.errors[3].field").value("line 6, column at"));
        assertThat(responses()).isZero();
    }

    @Test
    void takesExactlyTheValidRowsWhenAskedAndListsTheRejectedLines() throws Exception {
        String done = finished(send("plain", "plain-with-errors-fabricated.csv", plainMapping(null), true));
        assertThat(JsonPath.<Integer>read(done, "$.result.created")).isEqualTo(2);
        assertThat(JsonPath.<Integer>read(done, "$.result.rejected")).isEqualTo(4);
        assertThat(JsonPath.<List<Integer>>read(done, "$.result.errors[*].line")).containsExactly(3, 4, 5, 6);
        assertThat(jdbc.sql("select source_ref from listening_response where survey_id = :s order by source_ref").param("s", survey.id().value())
                .query(String.class).list()).containsExactly("import:" + survey.id() + ":plain:p-1", "import:" + survey.id() + ":plain:p-6");
    }

    @Test
    void keepsOnlyThePseudonymousKeyOfAMappedCustomerColumn() throws Exception {
        String csv = "responseId,at,nps,customer\nc-1,2026-03-02 09:00:00,8,KLANT-0042\nc-2,2026-03-02 10:00:00,9,\n";
        Map<String, Object> mapping = plainMapping("customer");
        mapping.put("questions", List.of(Map.of("question", "nps", "columns", List.of("nps"))));
        Map<String, Object> body = Map.of("format", "plain", "csv", csv, "mapping", mapping);
        finished(mvc.perform(post("/api/v1/surveys/" + survey.id() + "/answer-imports").with(user(analyst)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body))));
        List<String> keys = jdbc.sql("select coalesce(person_key, '-') from listening_response where survey_id = :s order by source_ref")
                .param("s", survey.id().value()).query(String.class).list();
        assertThat(keys).containsExactly(persons.keyFor("KLANT-0042").value(), "-");
        assertThat(jdbc.sql("select count(*) from listening_response where source_ref like '%KLANT%'").query(Long.class).single()).isZero();
    }

    @Test
    void suggestsTheMappingAndOffersTheSavedOneNextTime() throws Exception {
        Map<String, Object> body = Map.of("format", "plain", "csv", ImportFixtures.text("plain-with-errors-fabricated.csv"));
        mvc.perform(post("/api/v1/surveys/" + survey.id() + "/answer-imports/suggestion").with(user(analyst)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.rows").value(6))
                .andExpect(jsonPath("$.mapping.responseId").value("responseId"))
                .andExpect(jsonPath("$.mapping.time").value("at"));
        finished(send("plain", "plain-with-errors-fabricated.csv", plainMapping(null), true));
        mvc.perform(post("/api/v1/surveys/" + survey.id() + "/answer-imports/suggestion").with(user(analyst)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.mapping.questions[0].columns[0]").value("nps"))
                .andExpect(jsonPath("$.mapping.questions[2].columns[0]").value("beter"));
    }

    @Test
    void refusesADraft() throws Exception {
        Survey draft = Survey.draft(ImportFixtures.walkEvaluation(List.of(touchpoint)), Instant.now());
        surveys.add(draft);
        Map<String, Object> body = Map.of("format", "googleforms", "csv", ImportFixtures.text("googleforms-fabricated.csv"));
        mvc.perform(post("/api/v1/surveys/" + draft.id() + "/answer-imports").with(user(analyst)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body))).andExpect(status().isConflict());
    }
}
