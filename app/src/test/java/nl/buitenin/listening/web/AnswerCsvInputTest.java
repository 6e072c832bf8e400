package nl.buitenin.listening.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import nl.buitenin.access.Role;
import nl.buitenin.access.Scope;
import nl.buitenin.access.Users.NewUser;
import nl.buitenin.access.internal.ApiKeys;
import nl.buitenin.access.internal.JdbcUsers;
import nl.buitenin.access.internal.StoredUser;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.listening.internal.imports.ImportFixtures;
import nl.buitenin.testing.DatabaseTest;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answers import reads its file like every import (platform CsvInput): a time in the future or before 2000 is refused
 * as the answers API refuses it, a file with only its header gets a clear 400, a row with more fields than the header is
 * named, and a Latin-1 upload is refused by name instead of being stored with replacement characters.
 */
@DatabaseTest
@AutoConfigureMockMvc
class AnswerCsvInputTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcUsers users;
    @Autowired
    JdbcSurveys surveys;
    @Autowired
    ApiKeys apiKeys;
    @Autowired
    JdbcClient jdbc;

    final JsonMapper json = JsonMapper.builder().build();
    StoredUser analyst;
    Survey survey;

    @BeforeEach
    void publishedSurvey() {
        if (users.byUsername("ilse").isEmpty()) {
            users.create(new NewUser("ilse", "Ilse Inlezer", "a long enough password", Set.of(Role.ANALYST), null, "nl", false));
        }
        analyst = users.storedByUsername("ilse").orElseThrow();
        survey = Survey.draft(ImportFixtures.walkEvaluation(List.of(new TouchpointId(UUID.randomUUID()))), Instant.now());
        survey.publish(Instant.now());
        surveys.add(survey);
    }

    static Map<String, Object> mapping() {
        return Map.of("responseId", "responseId", "time", "at", "questions", List.of(Map.of("question", "nps", "columns", List.of("nps"))));
    }

    ResultActions send(String csv, String language) throws Exception {
        Map<String, Object> body = Map.of("format", "plain", "csv", csv, "mapping", mapping());
        return mvc.perform(post("/api/v1/surveys/" + survey.id() + "/answer-imports").with(user(analyst)).with(csrf())
                .header("Accept-Language", language).contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
    }

    long responses() {
        return jdbc.sql("select count(*) from listening_response where survey_id = :s").param("s", survey.id().value()).query(Long.class).single();
    }

    @Test
    void anAnswerIn2099OrBefore2000IsRefusedAsTheAnswersApiRefusesIt() throws Exception {
        send("responseId,at,nps\nr-1,2026-03-02 10:00:00,9\nr-2,2099-03-02 10:00:00,8\nr-3,1970-01-01 00:00:00,7\n", "en")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("line 3, column at"))
                .andExpect(jsonPath("$.errors[0].message").value("'2099-03-02 10:00:00' lies in the future"))
                .andExpect(jsonPath("$.errors[1].field").value("line 4, column at"))
                .andExpect(jsonPath("$.errors[1].message").value(
                        "'1970-01-01 00:00:00' lies before 2000-01-01, which is taken for a mistake (such as a year written with two digits)"));
        send("responseId,at,nps\nr-2,2099-03-02 10:00:00,8\n", "nl")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("'2099-03-02 10:00:00' ligt in de toekomst"));
        assertThat(responses()).isZero();

        String key = apiKeys.issue("answers-" + UUID.randomUUID(), Set.of(Scope.INGEST), null).plainText();
        String batch = """
                {"items": [{"sourceId": "x-1", "survey": "%s", "touchpoint": "%s", "at": "2099-03-02T10:00:00+01:00", "answers": {"nps": ["9"]}}]}"""
                .formatted(survey.id().value(), survey.definition().touchpoints().get(0).value());
        mvc.perform(post("/api/v1/answers").header("Authorization", "Bearer " + key).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content(batch))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].errors[?(@.field == 'at')].message").value("'2099-03-02T10:00:00+01:00' lies in the future"));
    }

    @Test
    void aFileWithOnlyItsHeaderGetsAClearAnswer() throws Exception {
        send("responseId,at,nps\n", "en").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].message").value("has a header but no rows: there is nothing to import"));
        send("responseId,at,nps\n\n", "nl").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("heeft een kopregel maar geen rijen: er is niets te importeren"));
    }

    @Test
    void aRowWithMoreOrFewerFieldsThanTheHeaderIsNamed() throws Exception {
        send("responseId,at,nps\nr-1,2026-03-02 10:00:00,9\nr-2,2026-03-02 10:00:00,8,extra\nr-3,2026-03-02 10:00:00\n", "en")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("line 3"))
                .andExpect(jsonPath("$.errors[0].message").value("has 4 fields where the header has 3; put a value in double quotes when it holds a comma"))
                .andExpect(jsonPath("$.errors[1].field").value("line 4"));
    }

    @Test
    void brokenQuotesAreRefusedNamingTheLine() throws Exception {
        send("\"responseId\"x,at,nps\nr-1,2026-03-02 10:00:00,9\n", "en").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("line 1"));
    }

    @Test
    void aLatin1UploadIsRefusedByNameAndAByteOrderMarkIsFine() throws Exception {
        byte[] latin1 = "responseId,at,nps,beter\nr-1,2026-03-02 10:00:00,9,Café was dicht\n".getBytes(StandardCharsets.ISO_8859_1);
        String page = mvc.perform(multipart("/surveys/" + survey.id() + "/import").file(new MockMultipartFile("file", "export.csv", "text/csv", latin1))
                        .param("format", "plain").with(user(analyst)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("line 2").contains("is geen UTF-8-tekst").contains("Café was dicht");
        assertThat(jdbc.sql("select count(*) from listening_answer_import where survey_id = :s").param("s", survey.id().value())
                .query(Long.class).single()).isZero();

        byte[] bom = "\uFEFFresponseId,at,nps\nr-1,2026-03-02 10:00:00,9\n".getBytes(StandardCharsets.UTF_8);
        mvc.perform(multipart("/surveys/" + survey.id() + "/import").file(new MockMultipartFile("file", "export.csv", "text/csv", bom))
                        .param("format", "plain").with(user(analyst)).with(csrf()))
                .andExpect(status().is3xxRedirection());
    }
}
